package io.mdmgen.world;

import static io.mdmgen.world.Fields.ACTIVITY;
import static io.mdmgen.world.Fields.INCOME;
import static io.mdmgen.world.Fields.REGISTRATION;
import static io.mdmgen.world.Fields.SEGMENT;

/**
 * A customer's standing with the business: its segment and income, when it registered, when it
 * was last active and whether that counts as active.
 */
final class Standing {
  static final String[] SEGMENTS = {"Basic", "Regular", "Premium", "VIP"};
  private static final byte[][] SEGMENT_UTF8 = Text.ascii(SEGMENTS);
  /** Median income by age band (18-24, 25-34, 35-44, 45-54, 55-64, 65+) and whether one works. */
  private static final int[] AGE_FROM = {18, 25, 35, 45, 55, 65};
  private static final double[] MEDIAN_INCOME = {24_000, 40_000, 50_000, 54_000, 50_000, 36_000};
  private static final double WORKING = 1.4, NOT_WORKING = 0.6, INCOME_SIGMA = 0.55;
  /** The log of each median: at [2 * band] for those who do not work, [2 * band + 1] for those who do. */
  private static final double[] LOG_MEDIAN = new double[2 * MEDIAN_INCOME.length];

  static {
    for (int band = 0; band < MEDIAN_INCOME.length; band++) {
      LOG_MEDIAN[2 * band] = Math.log(MEDIAN_INCOME[band] * NOT_WORKING);
      LOG_MEDIAN[2 * band + 1] = Math.log(MEDIAN_INCOME[band] * WORKING);
    }
  }
  /** Segments follow income, blurred by what else the business values (sigma of the blur). */
  private static final double[] SEGMENT_FROM = {Math.log(38_000), Math.log(80_000), Math.log(170_000)};
  private static final double SEGMENT_BLUR = 0.35;

  private final int asOfDay;

  Standing(int asOfDay) {
    this.asOfDay = asOfDay;
  }

  /** Draws the standing of {@code m}, whose birth and work are drawn, at {@code age}. */
  void draw(long key, Master m, int age) {
    int band = 0;
    while (band + 1 < AGE_FROM.length && age >= AGE_FROM[band + 1]) {
      band++;
    }
    double logIncome = LOG_MEDIAN[2 * band + (m.employed ? 1 : 0)]
        + INCOME_SIGMA * Hash.normal(Hash.of(key, INCOME));
    m.incomeCents = Math.max(8_000L, Math.round(Math.exp(logIncome) / 100.0) * 100) * 100;
    double standing = logIncome + SEGMENT_BLUR * Hash.normal(Hash.of(key, SEGMENT));
    m.segment = 0;
    while (m.segment < SEGMENT_FROM.length && standing >= SEGMENT_FROM[m.segment]) {
      m.segment++;
    }
    // Registered in the last ten years, never before turning 18.
    int adult = m.birthDay + (int) (18 * 365.2425);
    m.registrationDay = Math.max(adult, asOfDay - 1 - Hash.below(Hash.of(key, REGISTRATION), 3_650));
    double a = Hash.unit(Hash.of(key, ACTIVITY));
    m.lastActivityDay = m.registrationDay + (int) ((asOfDay - m.registrationDay) * (1 - a * a * a));
    m.active = asOfDay - m.lastActivityDay <= 365;
    m.closed = false;
  }

  /** Makes {@code m} a customer that appeared on {@code day}: registered and last active then. */
  static void appear(Master m, int day) {
    m.registrationDay = day;
    m.lastActivityDay = day;
    m.active = true;
    m.closed = false;
  }

  static void write(Master m, RowSink out) {
    out.cents(Column.ANNUAL_INCOME, m.incomeCents);
    Text.put(out, Column.CUSTOMER_SEGMENT, SEGMENT_UTF8[m.segment]);
    out.date(Column.REGISTRATION_DATE, m.registrationDay);
    out.date(Column.LAST_ACTIVITY_DATE, m.lastActivityDay);
    out.bool(Column.IS_ACTIVE, m.active);
  }
}
