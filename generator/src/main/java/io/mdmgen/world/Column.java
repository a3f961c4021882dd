package io.mdmgen.world;

import java.util.Locale;

/**
 * Every column the world model writes, in any table. The order of columns in a table is the
 * order of fields in its Avro schema; a {@link RowSink} maps columns to its own positions.
 */
public enum Column {
  SOURCE_RECORD_ID, SOURCE_SYSTEM, CUSTOMER_ID,
  FIRST_NAME, LAST_NAME, FULL_NAME, EMAIL, PHONE, ADDRESS, CITY, STATE, ZIP_CODE,
  DATE_OF_BIRTH, COMPANY, JOB_TITLE, ANNUAL_INCOME, CUSTOMER_SEGMENT,
  REGISTRATION_DATE, LAST_ACTIVITY_DATE, IS_ACTIVE,
  LEAD_SOURCE, SALES_REP, DEAL_STAGE,
  ACCOUNT_NUMBER, CREDIT_LIMIT, PAYMENT_TERMS, ACCOUNT_STATUS,
  USERNAME, TOTAL_ORDERS, TOTAL_SPENT, PREFERRED_CATEGORY, MARKETING_OPT_IN,
  MIDDLE_NAME, NAME_SUFFIX, HOUSEHOLD_ID,
  OTHER_CUSTOMER_ID, REASON;

  private final String columnName = name().toLowerCase(Locale.ROOT);

  /** The column's name in tables and Avro records. */
  public String columnName() {
    return columnName;
  }

  /** The column called {@code name}; throws for a name the world model does not write. */
  public static Column named(String name) {
    for (Column c : values()) {
      if (c.columnName.equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no column named '" + name + "'");
  }
}
