package io.mdmgen.world;

import static io.mdmgen.world.Fields.EXTRA;

/**
 * The shop's own columns: the username (names and a number unique to the account), orders and
 * spend, favourite category, marketing opt-in.
 * Customers sign up to the shop at any point of their relationship; few state an income.
 */
final class EcommerceColumns implements SourceColumns {
  private static final SourceStanding STANDING = new SourceStanding(0.12, 10_000, 0.25, 0.8, 365);
  private static final byte[][] CATEGORIES = Text.ascii("Electronics", "Home & Garden", "Apparel",
      "Books", "Sports & Outdoors", "Beauty", "Toys", "Grocery", "Automotive", "Health");
  private static final double[] ORDER_MEAN = {4, 9, 18, 40};
  private static final double[] ORDER_VALUE_MU = {Math.log(45), Math.log(70), Math.log(120),
      Math.log(260)};

  private static final long MILLION = 1_000_000;
  private final Dictionaries dict;
  /** Spreads accounts over the numbers that make their usernames unique. */
  private final Permutation numbers;

  private final int asOfDay;

  EcommerceColumns(long seed, int asOfDay, Dictionaries dictionaries) {
    this.asOfDay = asOfDay;
    this.dict = dictionaries;
    this.numbers = new Permutation(Hash.entity(seed, 320, 0), MILLION);
  }

  /**
   * Appends the number that makes a username unique: a keyed bijection of the account, up to six
   * digits for the first million accounts and a leading count of millions (then six digits) after.
   */
  private void accountNumber(long account, Utf8Buffer b) {
    long high = account / MILLION;
    long low = numbers.apply(account % MILLION);
    if (high > 0) {
      b.appendDigits(high, 1).appendDigits(low, 6);
    } else {
      b.appendDigits(low, 1);
    }
  }

  @Override
  public void write(Master m, Variation v, RowSink out) {
    STANDING.write(m, v, asOfDay, out);
    long k = v.key;
    Utf8Buffer b = out.text();
    int at = b.length();
    byte[] text = dict.last.text();
    int last = dict.last.handleAt(m.handleLast);
    int length = dict.last.handleLength(m.handleLast);
    b.append(dict.firstHandle(m));
    long h = Hash.of(k, EXTRA);
    switch ((int) (h & 3)) {
      case 0 -> b.append('.').append(text, last, length);
      case 1 -> b.append('_').append(text, last, length);
      case 2 -> b.append(text, last, length);
      default -> b.append(text, last, 1);
    }
    accountNumber(m.index * SourceRates.MAX_COPIES + v.copy, b);
    Text.put(out, Column.USERNAME, b, at);
    // Orders ~ geometric around the segment's mean; spend = orders x log-normal basket.
    double mean = ORDER_MEAN[m.segment];
    long history = (long) Math.floor(Math.log(1 - Hash.unit(Hash.of(k, EXTRA + 1)) * 0.999999)
        / Math.log(mean / (mean + 1)));
    // A hot customer orders through its first record (copy 0); its duplicates keep their history.
    int orders = (int) Math.min(Integer.MAX_VALUE, history + (v.copy == 0 ? m.orders : 0));
    out.int32(Column.TOTAL_ORDERS, orders);
    double basket = Math.exp(ORDER_VALUE_MU[m.segment] + 0.5 * Hash.normal(Hash.of(k, EXTRA + 2)));
    out.cents(Column.TOTAL_SPENT, Math.round(orders * basket * 100));
    Text.put(out, Column.PREFERRED_CATEGORY,
        CATEGORIES[Hash.below(Hash.of(k, EXTRA + 3), CATEGORIES.length)]);
    out.bool(Column.MARKETING_OPT_IN, Hash.unit(Hash.of(k, EXTRA + 4)) < 0.55);
  }
}
