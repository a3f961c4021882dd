package io.mdmgen.world;

import static io.mdmgen.world.Fields.AGE;
import static io.mdmgen.world.Fields.AGE2;
import static io.mdmgen.world.Fields.FIRST;
import static io.mdmgen.world.Fields.GENDER;
import static io.mdmgen.world.Fields.LAST;

import java.time.LocalDate;

/**
 * Who a customer is: sex, date of birth, and names as common as they are among real people:
 * surnames by their 2010 Census counts, first names by their frequency among the babies of that
 * sex in the decade of birth (SSA).
 */
final class People {
  /** Adults by age, after the 2020 Census (thousands, in bands of five years from 20; 18-19, then 20-24...). */
  private static final int[] BAND_START = {18, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80,
      85, 90, 95, 100};
  private static final Weighted AGE_BANDS = new Weighted(new double[] {8_600, 21_800, 22_300,
      22_700, 21_800, 20_500, 19_900, 20_600, 21_800, 20_800, 17_800, 14_700, 9_900, 6_600, 3_900,
      1_800, 550});
  private static final double FEMALE = 0.51;

  private final Dictionaries dict;
  private final int asOfDay;
  private final int asOfYear;

  People(Dictionaries dictionaries, int asOfDay) {
    this.dict = dictionaries;
    this.asOfDay = asOfDay;
    this.asOfYear = LocalDate.ofEpochDay(asOfDay).getYear();
  }

  /** Draws a person on their own (a household's head): sex, birth, names. */
  void draw(long key, Master m) {
    drawHead(key, m);
    name(key, m);
  }

  /**
   * Draws what a member takes from its household's head: sex, birth and last name; the first
   * name only when a junior takes it ({@link #member}), as every member draws its own names.
   */
  void drawHead(long key, Master m) {
    m.female = Hash.unit(Hash.of(key, GENDER)) < FEMALE;
    m.birthDay = adultBirthDay(key);
    m.last = dict.lastWeights.pick(Hash.of(key, LAST));
  }

  /**
   * Draws the member at {@code position} of the household of head {@code h} (drawn into
   * {@code m} by {@link #drawHead} first, then overwritten): a partner, a grown child or another
   * adult, by {@code households}' rates.
   */
  void member(long key, long headKey, int position, int role, Households households, Master m) {
    boolean headFemale = m.female;
    int headBirth = m.birthDay;
    int headLast = m.last;
    m.female = Hash.unit(Hash.of(key, GENDER)) < FEMALE;
    m.last = dict.lastWeights.pick(Hash.of(key, LAST));
    m.suffix = NO_SUFFIX;
    if (role == Households.PARTNER) {
      if (Hash.unit(Hash.of(headKey, Fields.PARTNER_SEX)) < 0.9) {
        m.female = !headFemale;
      }
      m.birthDay = adult(headBirth + (int) (3.5 * 365.2425 * Hash.normal(Hash.of(key, Fields.MEMBER_AGE))));
      if (Hash.unit(Hash.of(headKey, Fields.SHARED_SURNAME)) < households.sharedSurname()) {
        m.last = headLast;
      }
      name(key, m);
      return;
    }
    if (role == Households.CHILD) {
      int birth = childBirthDay(headKey, headBirth, position, households);
      if (birth <= lastAdultBirthDay()) { // a grown child; younger ones are not customers
        m.birthDay = birth;
        m.last = Hash.unit(Hash.of(key, Fields.SHARED_SURNAME)) < 0.92 ? headLast : m.last;
        name(key, m);
        if (isJunior(key, headKey, headFemale, position, households)) {
          m.female = false;
          m.first = first(headKey, false, birthYear(headBirth));
          m.last = headLast;
          m.handleLast = headLast;
          m.suffix = JR;
        }
        return;
      }
    }
    // Another relative or a housemate: an adult of about the head's age; a sibling shares the name.
    m.birthDay = adult(headBirth + (int) (8 * 365.2425 * Hash.normal(Hash.of(key, Fields.MEMBER_AGE))));
    if (Hash.unit(Hash.of(key, Fields.SHARED_SURNAME)) < 0.4) {
      m.last = headLast;
    }
    name(key, m);
  }

  /**
   * Whether the child at {@code position} (whose key is {@code key}) of the household of head
   * {@code headKey} is a junior: a son, of a father, named after him.
   */
  boolean isJunior(long key, long headKey, boolean headFemale, int position, Households households) {
    return !headFemale && Hash.unit(Hash.of(key, GENDER)) >= FEMALE
        && Hash.unit(Hash.of(headKey, Fields.JUNIOR + position)) < households.juniors();
  }

  /**
   * The birth day of the child at {@code position}: 22 to 38 years after the head's, or the
   * same as the child before it for twins.
   */
  int childBirthDay(long headKey, int headBirth, int position, Households households) {
    int p = position;
    while (p > 1 && Hash.unit(Hash.of(headKey, Fields.TWIN + p)) < households.twins()) {
      p--; // a twin of the child before: born the same day
    }
    return headBirth + (int) ((22 + 16 * Hash.unit(Hash.of(headKey, Fields.MEMBER_AGE + p))) * 365.2425);
  }

  /** Suffixes: none, Jr., Sr., II, III. */
  static final int NO_SUFFIX = 0, JR = 1, SR = 2, II = 3, III = 4;
  static final byte[][] SUFFIXES = Text.ascii("", "Jr.", "Sr.", "II", "III");
  /** The same as a last name's field holds them: "Smith Jr". */
  static final byte[][] SHORT_SUFFIXES = Text.ascii("", "Jr", "Sr", "II", "III");
  private static final int ADULT = (int) (18 * 365.2425);

  /** The last birth day of someone who is an adult on the as-of day. */
  int lastAdultBirthDay() {
    return asOfDay - ADULT;
  }

  /**
   * A birth day no later than the as-of day's 18th anniversary before, nor before age 99: one
   * outside is mirrored inside rather than clamped, which would give thousands of unrelated
   * people the same birth day (the youngest adult's).
   */
  private int adult(int birthDay) {
    int youngest = asOfDay - ADULT - 1;
    int oldest = asOfDay - (int) (99 * 365.2425);
    int b = birthDay > youngest ? 2 * youngest - birthDay : birthDay < oldest ? 2 * oldest - birthDay : birthDay;
    return Math.max(oldest, Math.min(youngest, b));
  }

  private int adultBirthDay(long key) {
    int band = AGE_BANDS.pick(Hash.of(key, AGE));
    int days = (int) ((BAND_START[band + 1] - BAND_START[band]) * 365.2425);
    return asOfDay - (int) (BAND_START[band] * 365.2425) - 1 - Hash.below(Hash.of(key, AGE2), days);
  }

  /**
   * The first and middle name for the sex and year of birth, and a generational suffix for a
   * few men of their own (II, III); the last name is kept.
   */
  private void name(long key, Master m) {
    int birthYear = birthYear(m.birthDay);
    m.first = first(key, m.female, birthYear);
    long middle = Hash.of(key, Fields.MIDDLE);
    m.middle = Hash.unit(middle) < MIDDLE_NAMES
        ? dict.firstName(m.female, birthYear, Hash.mix(middle)) : -1;
    if (m.middle == m.first) {
      m.middle = -1;
    }
    double u = Hash.unit(Hash.of(key, Fields.NAME_SUFFIX));
    m.suffix = m.female ? NO_SUFFIX : u < 0.002 ? III : u < 0.006 ? II : NO_SUFFIX;
    m.handleLast = m.last;
  }

  /** The first name of the person with {@code key}, of this sex and year of birth. */
  private int first(long key, boolean female, int birthYear) {
    return dict.firstName(female, birthYear, Hash.of(key, FIRST));
  }

  private int birthYear(int birthDay) {
    return asOfYear - (asOfDay - birthDay) / 365;
  }

  /** Share of people with a middle name on file. */
  private static final double MIDDLE_NAMES = 0.75;

  /** Age in whole years on the as-of date. */
  int age(Master m) {
    return (int) ((asOfDay - m.birthDay) / 365.2425);
  }

  /** A new last name for {@code m} (marriage, divorce), drawn from a change's {@code key}. */
  void rename(long key, Master m) {
    int before = m.last;
    m.last = dict.lastWeights.pick(key);
    if (m.last == before) {
      m.last = dict.lastWeights.pick(Hash.mix(key));
    }
  }
}
