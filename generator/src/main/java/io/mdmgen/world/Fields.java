package io.mdmgen.world;

/**
 * The field ids that every random decision is hashed with: {@code Hash.of(key, field)}. Stable
 * numbers, never ordinals, so adding a decision changes no existing value; listed in one place so
 * that no two decisions on one key share a stream.
 */
final class Fields {
  private Fields() {}

  // On a master's key (and on a life event's key, for the draws a life event repeats).
  static final long GENDER = 1, FIRST = 2, LAST = 3, PLACE = 4, AREA = 5, EXCHANGE = 6,
      LINE = 7, STREET_NUMBER = 8, STREET = 9, SUFFIX = 10, UNIT = 11, UNIT_NUMBER = 12,
      EMAIL_PATTERN = 13, EMAIL_DIGITS = 14, DOMAIN = 15, AGE = 16, AGE2 = 17,
      COMPANY_PATTERN = 18, COMPANY_A = 19, COMPANY_B = 20, COMPANY_SUFFIX = 21, SENIORITY = 22,
      FIELD = 23, POSITION = 24, SEGMENT = 25, INCOME = 26, REGISTRATION = 27, ACTIVITY = 28,
      EMPLOYED = 29, JOB_KNOWN = 30, COMPANY_KNOWN = 31, MIDDLE = 32, NAME_SUFFIX = 33,
      MOVED = 34, PREVIOUS_HOME = 35;
  /** On a household head's key, plus the member's position. */
  static final long HOUSEHOLD_ROLE = 500, MEMBER_AGE = 510, PARTNER_SEX = 520, JUNIOR = 530,
      TWIN = 540, SHARED_SURNAME = 550, LANDLINE = 560;
  /** Bases, plus 16 per source system and the copy (100, 101: retired, now {@link Holdings}). */
  static final long RECORD = 200;
  static final long CLOSE_CHANCE = 50, LIFE_CHANCE = 1000, LIFE_DRAW = 1100;

  // On a source record's key.
  static final long NAME_VARIED = 1, NAME_KIND = 2, NAME_CASE = 3, NICKNAME = 4,
      ADDRESS_FORMAT = 5, PHONE_FORMAT = 6, DOMAIN_CHANGED = 7, NEW_DOMAIN = 8, // 9, 12: retired
      TYPO_COLUMN = 10, TYPO_DRAW = 11, MISSING_COLUMN = 13, OWN_CREATED = 14,
      OWN_ACTIVITY = 15, OWN_SEGMENT = 16, OWN_INCOME = 17, MIDDLE_SHOWN = 18, SUFFIX_SHOWN = 19,
      STALE = 26;
  /** Whether a record is messy; whether it has each kind of error, and where: + kind ordinal. */
  static final long MESSY = 39, ERROR = 40, ERROR_WHERE = 60;
  /** A source system's own columns: EXTRA + 0, 1, 2... */
  static final long EXTRA = 20;
}
