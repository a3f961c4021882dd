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
  int nameKind = NONE;
  boolean upperCase;
  int nickname;
  int addressFormat;
  int phoneFormat;
  int emailDomain;
  boolean domainChanged;
  Column typo; // null: no typo
  long typoDraw;
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
}
