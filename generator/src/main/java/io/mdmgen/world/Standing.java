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
  private static final long[] SEGMENT_CDF = Hash.thresholds(0.35, 0.75, 0.95, 1.0);
  private static final double[] INCOME_MU = {Math.log(32_000), Math.log(58_000),
      Math.log(105_000), Math.log(240_000)};
  private static final double[] INCOME_SIGMA = {0.35, 0.35, 0.40, 0.50};

  private final int asOfDay;

  Standing(int asOfDay) {
    this.asOfDay = asOfDay;
  }

  /** Draws the standing of {@code m}, whose birth day is drawn. */
  void draw(long key, Master m) {
    m.segment = Hash.pick(Hash.of(key, SEGMENT), SEGMENT_CDF);
    double income = Math.exp(INCOME_MU[m.segment]
        + INCOME_SIGMA[m.segment] * Hash.normal(Hash.of(key, INCOME)));
    m.incomeCents = Math.max(12_000L, Math.round(income / 100.0) * 100) * 100;
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
