package io.mdmgen.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Row counts as people write them: {@code 1000000}, {@code 1_000_000}, {@code 1e9}, {@code 250M}. */
final class Counts {
  private static final Pattern FORM = Pattern.compile("(\\d[\\d_]*(?:\\.\\d+)?(?:e\\d+)?)([kmbt]?)");

  private Counts() {}

  /** The count, or an exception whose message says what is allowed. */
  static long parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace(",", "");
    Matcher m = FORM.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a count (e.g. 1000000, 1_000_000, 1e6, 250M)");
    }
    BigDecimal value = new BigDecimal(m.group(1).replace("_", "").replace("e", "E"));
    int zeros = switch (m.group(2)) {
      case "k" -> 3;
      case "m" -> 6;
      case "b" -> 9;
      case "t" -> 12;
      default -> 0;
    };
    value = value.scaleByPowerOfTen(zeros);
    if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("'" + text + "' is more than the largest count, "
          + String.format(Locale.ROOT, "%,d", Long.MAX_VALUE));
    }
    try {
      long n = value.longValueExact();
      if (n <= 0) {
        throw new ArithmeticException();
      }
      return n;
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' is not a positive whole count");
    }
  }
}
