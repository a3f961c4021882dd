package io.mdmgen.world;

import static io.mdmgen.world.Fields.PLACE;
import static io.mdmgen.world.Fields.STREET;
import static io.mdmgen.world.Fields.STREET_NUMBER;
import static io.mdmgen.world.Fields.SUFFIX;
import static io.mdmgen.world.Fields.UNIT;
import static io.mdmgen.world.Fields.UNIT_NUMBER;

/**
 * Where people live: the draw of a place (ZIP, city, state) and a street address in it, made
 * the same way when a customer appears and when it moves, and the text of the street line in
 * each system's formats.
 */
final class Addresses {
  static final String[][] SUFFIXES = {
    {"Street", "St"}, {"Avenue", "Ave"}, {"Boulevard", "Blvd"}, {"Road", "Rd"}, {"Drive", "Dr"},
    {"Lane", "Ln"}, {"Court", "Ct"}, {"Place", "Pl"}, {"Terrace", "Ter"}, {"Parkway", "Pkwy"},
    {"Circle", "Cir"}, {"Way", "Way"}
  };
  /** Street types as common as in pseudopeople's census sample (see build-reference-data.py). */
  private static final long[] SUFFIX_CDF = Hash.cdf(24, 17, 2.4, 17, 19, 7.4, 6, 2.7, 0.7, 0.4,
      2.5, 2.9);
  static final String[][] UNITS = {{"Apartment", "Apt"}, {"Suite", "Ste"}, {"Unit", "Unit"}};
  private static final long[] UNIT_CDF = Hash.cdf(70, 15, 15);
  /** The street-line format of golden records: USPS style. */
  static final int GOLDEN_FORMAT = 1;
  /** The format written all in upper case, whose city is upper case too. */
  static final int UPPER_FORMAT = 4;

  private final Dictionaries dict;
  private final byte[][][] streetNames;

  Addresses(Dictionaries dictionaries) {
    this.dict = dictionaries;
    this.streetNames = streetNames(dictionaries);
  }

  /** Draws an address from {@code key}: a household's, or a move's. */
  void draw(long key, Address a) {
    Dictionaries d = dict;
    a.place = d.places.pick(Hash.of(key, PLACE));
    long sn = Hash.of(key, STREET_NUMBER);
    a.number = 1 + Hash.below(sn, (sn & 3) == 0 ? 99 : 9_999);
    long street = Hash.of(key, STREET);
    int name = d.streetWeights.pick(street);
    // 0 is the long tail of streets named after people: -1 - the surname.
    a.street = name > 0 ? name - 1 : -1 - d.lastWeights.pick(Hash.mix(street));
    a.suffix = Hash.pick(Hash.of(key, SUFFIX), SUFFIX_CDF);
    long u = Hash.of(key, UNIT);
    a.unitKind = Hash.unit(u) < 0.25 ? Hash.pick(Hash.mix(u), UNIT_CDF) : -1;
    a.unitNumber = 1 + Hash.below(Hash.of(key, UNIT_NUMBER), 400);
  }

  /** The columns a move from place {@code before} to {@code now} changes, as column bits. */
  long moved(int before, Address now) {
    long changed = World.bit(Column.ADDRESS);
    long was = dict.places.cityState(before);
    long is = dict.places.cityState(now.place);
    if (was >>> 32 != is >>> 32) {
      changed |= World.bit(Column.CITY);
    }
    if ((int) was != (int) is) {
      changed |= World.bit(Column.STATE);
    }
    if (before != now.place) { // every place has a ZIP code of its own
      changed |= World.bit(Column.ZIP_CODE);
    }
    return changed;
  }

  /**
   * Appends the street line in one of seven formats: 0 "12 Oak Avenue, Apartment 4", 1 "12 Oak
   * Ave Apt 4" (USPS style, the golden form), 2 "12 Oak Ave. Apt. 4", 3 "12 Oak Ave #4", 4 "12
   * OAK AVE APT 4", 5 "12 oak avenue, apartment 4", 6 "12 Oak Avenue Apt 4". Each piece comes from
   * a table by format, already in the format's case: branches on a format drawn per record
   * mispredict.
   */
  void street(Address a, int format, Utf8Buffer b) {
    b.appendDigits(a.number, 1).append(' ');
    if (a.street >= 0) {
      b.append(streetNames[ADDRESS_CASE[format]][a.street]);
    } else {
      int at = b.length();
      dict.last.append(b, -1 - a.street);
      if (ADDRESS_CASE[format] == 1) {
        b.upper(at, b.length());
      } else if (ADDRESS_CASE[format] == 2) {
        b.lower(at, b.length());
      }
    }
    b.append(SUFFIX_TEXT[format][a.suffix]);
    if (a.unitKind >= 0) {
      b.append(UNIT_TEXT[format][a.unitKind]).appendDigits(a.unitNumber, 1);
    }
  }

  /** Appends the city of {@code a}'s place. */
  void city(Address a, Utf8Buffer b) {
    Places p = dict.places;
    b.append(p.text(), p.cityAt(a.place), p.cityLength(a.place));
  }

  /** Writes {@code a}'s state. */
  void state(Address a, RowSink out) {
    out.string(Column.STATE, dict.places.text(), dict.places.stateAt(a.place), 2);
  }

  /** Appends {@code a}'s ZIP code. */
  void zip(Address a, Utf8Buffer b) {
    b.append(dict.places.text(), dict.places.zipAt(a.place), 5);
  }

  /** Writes {@code a}'s state and ZIP code. */
  void stateAndZip(Address a, RowSink out) {
    Places p = dict.places;
    out.string(Column.STATE, p.text(), p.stateAt(a.place), 2);
    out.string(Column.ZIP_CODE, p.text(), p.zipAt(a.place), 5);
  }

  /** Text case of each address format: as written (0), upper (1: format 4), lower (2: format 5). */
  private static final int[] ADDRESS_CASE = {0, 0, 0, 0, 1, 2, 0};

  /** The pieces of the street line after the street name, by format and suffix or unit kind. */
  private static final byte[][][] SUFFIX_TEXT = new byte[SourceRates.ADDRESS_FORMATS][][];
  private static final byte[][][] UNIT_TEXT = new byte[SourceRates.ADDRESS_FORMATS][][];

  static {
    for (int f = 0; f < SourceRates.ADDRESS_FORMATS; f++) {
      boolean fullSuffix = f == 0 || f == 5 || f == 6;
      boolean fullUnit = f == 0 || f == 5;
      SUFFIX_TEXT[f] = new byte[SUFFIXES.length][];
      for (int i = 0; i < SUFFIXES.length; i++) {
        boolean dot = f == 2 && !SUFFIXES[i][1].equals(SUFFIXES[i][0]);
        SUFFIX_TEXT[f][i] = Text.cased(ADDRESS_CASE[f],
            Text.ascii(" " + SUFFIXES[i][fullSuffix ? 0 : 1] + (dot ? "." : "")));
      }
      UNIT_TEXT[f] = new byte[UNITS.length][];
      for (int i = 0; i < UNITS.length; i++) {
        boolean dot = f == 2 && i != 2;
        UNIT_TEXT[f][i] = Text.cased(ADDRESS_CASE[f], Text.ascii(f == 3 ? " #"
            : (fullUnit ? ", " : " ") + UNITS[i][fullUnit ? 0 : 1] + (dot ? ". " : " ")));
      }
    }
  }

  /** The common street names in each address case. */
  private static byte[][][] streetNames(Dictionaries d) {
    byte[][][] out = new byte[3][d.streets.length][];
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < out[c].length; i++) {
        out[c][i] = Text.cased(c, d.streets[i]);
      }
    }
    return out;
  }
}
