package io.mdmgen.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 90s}, {@code 10m}, {@code 1h}, {@code 1h30m}, {@code 500ms}. */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

  private Durations() {}

  /** The duration in seconds; throws {@link IllegalArgumentException} for anything else. */
  public static double seconds(String text) {
    String s = text.trim().toLowerCase(java.util.Locale.ROOT);
    Matcher m = PART.matcher(s);
    double total = 0;
    int at = 0;
    while (at < s.length() && m.find(at) && m.start() == at) {
      double v = Double.parseDouble(m.group(1));
      total += switch (m.group(2)) {
        case "ms" -> v / 1000;
        case "s" -> v;
        case "m" -> v * 60;
        case "h" -> v * 3600;
        default -> v * 86_400;
      };
      at = m.end();
    }
    if (s.isEmpty() || at != s.length()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 60s, 10m, 1h30m)");
    }
    return total;
  }

  /** {@code seconds} as {@link #seconds} reads it back: 90s, 1.5s, 500ms. */
  public static String text(double seconds) {
    return seconds < 1 ? number(seconds * 1000) + "ms" : number(seconds) + "s";
  }

  /** A number without a needless ".0". */
  public static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
