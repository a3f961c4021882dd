package io.mdmgen.world;

/**
 * How one source record departs from its master: every decision {@link World#vary} takes for
 * (master, source, copy). Reused like {@link Master}.
 */
public final class Variation {
  /** Name variation kinds; {@link #NONE} when the name is kept as the master has it. */
  public static final int NONE = -1, NICKNAME = 0, INITIAL = 1, CASE = 2, ORDER = 3;

  /** Text columns a typo can land in, and optional columns that can be missing. */
  static final Column[] TYPO_COLUMNS = {
    Column.FIRST_NAME, Column.LAST_NAME, Column.EMAIL, Column.ADDRESS, Column.CITY, Column.COMPANY
  };
  static final Column[] MISSING_COLUMNS = {
    Column.EMAIL, Column.PHONE, Column.ADDRESS, Column.DATE_OF_BIRTH, Column.COMPANY, Column.JOB_TITLE
  };

  long key;
  int copy;
  int nameKind = NONE;
  boolean upperCase;
  int nickname;
  /** Where the record shows the middle name's initial: 0 nowhere, 1 in first_name, 2 in full_name. */
  int middleShown;
  /** Where the record shows the name's suffix: 0 nowhere, 1 in last_name, 2 in full_name. */
  int suffixShown;
  int addressFormat;
  /** The system still holds the address from before the customer's last move. */
  boolean staleAddress;
  int phoneFormat;
  int emailDomain;
  boolean domainChanged;
  /** The errors of this record, as {@link Corruption.Kind} bits. */
  int errors;
  Column typo; // null: no typo
  long typoDraw;
  Column ocr; // the field an OCR confusion changed; null: none
  long ocrDraw;
  Column phonetic; // the name spelled as it sounds; null: none
  long phoneticDraw;
  Column truncated; // null: nothing truncated
  long truncateDraw;
  long digitDraw; // which digit of the birth date, ZIP or phone number, and to what
  Column missing; // null: nothing missing

  public int nameKind() {
    return nameKind;
  }

  public boolean domainChanged() {
    return domainChanged;
  }

  public Column typo() {
    return typo;
  }

  public Column missing() {
    return missing;
  }

  private static final int RESPELLINGS = Corruption.Kind.TRUNCATE.bit() | Corruption.Kind.OCR.bit()
      | Corruption.Kind.PHONETIC.bit() | Corruption.Kind.SWAP_NAMES.bit();

  /**
   * Whether an error of this record rewrites a name, the street or the city, so that a change of
   * that field may show in another (swapped names) or not at all (a cut that keeps only what the
   * old and new values share).
   */
  public boolean respells() {
    return (errors & RESPELLINGS) != 0;
  }

  /** Whether the system still holds the customer's address from before its last move. */
  public boolean staleAddress() {
    return staleAddress;
  }

  /** Whether this record carries an error of kind {@code k}. */
  public boolean has(Corruption.Kind k) {
    return (errors & k.bit()) != 0;
  }
}
