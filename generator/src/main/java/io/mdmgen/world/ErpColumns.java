package io.mdmgen.world;

import static io.mdmgen.world.Fields.EXTRA;

/**
 * ERP's own columns: the account number, credit limit, payment terms and account status. ERP is
 * not told incomes; it records customers at their first order, soon after they register.
 */
final class ErpColumns implements SourceColumns {
  private static final SourceStanding STANDING = new SourceStanding(-1, 1, 0.20, 4.0, 540);
  private static final long[][] CREDIT_LIMIT = {
    {1_000, 5_000}, {5_000, 20_000}, {20_000, 100_000}, {100_000, 500_000}
  };
  private static final byte[][] PAYMENT_TERMS = Text.ascii("Net 15", "Net 30", "Net 45",
      "Net 60", "Due on Receipt");
  private static final long[] PAYMENT_TERMS_CDF = Hash.cdf(15, 45, 15, 10, 15);
  private static final byte[] ACTIVE = Text.ascii("Active");
  private static final byte[] ON_HOLD = Text.ascii("On Hold");
  private static final byte[] CLOSED = Text.ascii("Closed");

  private final long accountKey;
  private final int asOfDay;

  ErpColumns(long seed, int asOfDay, Dictionaries dictionaries) {
    this.asOfDay = asOfDay;
    this.accountKey = Ids.accountKey(seed);
  }

  @Override
  public void write(Master m, Variation v, RowSink out) {
    STANDING.write(m, v, asOfDay, out);
    long k = v.key;
    Utf8Buffer b = out.text();
    int at = b.length();
    b.appendDigits(Ids.accountNumber(accountKey, m.index), 12);
    Text.put(out, Column.ACCOUNT_NUMBER, b, at);
    long[] range = CREDIT_LIMIT[m.segment];
    long steps = (range[1] - range[0]) / 500;
    out.cents(Column.CREDIT_LIMIT,
        (range[0] + 500L * Hash.below(Hash.of(k, EXTRA), (int) steps + 1)) * 100);
    Text.put(out, Column.PAYMENT_TERMS,
        PAYMENT_TERMS[Hash.pick(Hash.of(k, EXTRA + 1), PAYMENT_TERMS_CDF)]);
    double u = Hash.unit(Hash.of(k, EXTRA + 2));
    Text.put(out, Column.ACCOUNT_STATUS, m.closed ? CLOSED
        : m.active ? (u < 0.92 ? ACTIVE : ON_HOLD) : (u < 0.70 ? CLOSED : ON_HOLD));
  }
}
