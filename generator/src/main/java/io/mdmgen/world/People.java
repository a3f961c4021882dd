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

  void draw(long key, Master m) {
    m.female = Hash.unit(Hash.of(key, GENDER)) < FEMALE;
    int band = AGE_BANDS.pick(Hash.of(key, AGE));
    int days = (int) ((BAND_START[band + 1] - BAND_START[band]) * 365.2425);
    m.birthDay = asOfDay - (int) (BAND_START[band] * 365.2425) - 1 - Hash.below(Hash.of(key, AGE2), days);
    int birthYear = asOfYear - (asOfDay - m.birthDay) / 365;
    m.first = dict.firstName(m.female, birthYear, Hash.of(key, FIRST));
    m.last = dict.lastWeights.pick(Hash.of(key, LAST));
    m.handleLast = m.last;
  }

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
