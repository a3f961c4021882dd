package io.mdmgen.world;

import static io.mdmgen.world.Fields.OWN_ACTIVITY;
import static io.mdmgen.world.Fields.OWN_CREATED;
import static io.mdmgen.world.Fields.OWN_INCOME;
import static io.mdmgen.world.Fields.OWN_SEGMENT;

/**
 * How one system sees a customer's standing: when it first recorded the customer (on or after the
 * master's registration), the customer's last activity there (never after the master's), whether
 * that counts as active in its window, the segment by its own lights, and the income the customer
 * told it, if any. Correlated with the master's facts, never a copy of them: a system's record is
 * evidence, not a key.
 *
 * @param incomeKnown share of records with an income; negative for a system without the column
 * @param incomeStep dollars the told income is rounded to
 * @param segmentOff share of records whose segment is a step away from the master's
 * @param createdSkew how early in the customer's relationship the system records it: the higher,
 *     the closer to registration
 * @param activeDays how recent the last activity must be for the system to count the customer active
 */
record SourceStanding(double incomeKnown, long incomeStep, double segmentOff, double createdSkew,
    int activeDays) {
  private static final byte[][] SEGMENTS = Text.ascii(Standing.SEGMENTS);

  void write(Master m, Variation v, int asOfDay, RowSink out) {
    long k = v.key;
    if (incomeKnown >= 0) {
      long h = Hash.of(k, OWN_INCOME);
      if (Hash.unit(h) < incomeKnown) {
        double told = m.incomeCents / 100.0 * Math.exp(0.12 * Hash.normal(Hash.mix(h)));
        out.cents(Column.ANNUAL_INCOME, Math.max(1, Math.round(told / incomeStep)) * incomeStep * 100);
      } else {
        out.missing(Column.ANNUAL_INCOME);
      }
    }
    long s = Hash.of(k, OWN_SEGMENT);
    int segment = m.segment;
    if (Hash.unit(s) < segmentOff) {
      segment += (s & 1) == 0 ? 1 : -1;
      segment = segment < 0 ? 1 : segment >= SEGMENTS.length ? SEGMENTS.length - 2 : segment;
    }
    Text.put(out, Column.CUSTOMER_SEGMENT, SEGMENTS[segment]);
    int span = m.lastActivityDay - m.registrationDay;
    int created = m.registrationDay
        + (int) (span * Math.pow(Hash.unit(Hash.of(k, OWN_CREATED)), createdSkew));
    double a = Hash.unit(Hash.of(k, OWN_ACTIVITY));
    int last = m.lastActivityDay - (int) ((m.lastActivityDay - created) * a * a * a);
    out.date(Column.REGISTRATION_DATE, created);
    out.date(Column.LAST_ACTIVITY_DATE, last);
    out.bool(Column.IS_ACTIVE, m.active && !m.closed && asOfDay - last <= activeDays);
  }
}
