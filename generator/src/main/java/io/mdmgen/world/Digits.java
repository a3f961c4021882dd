package io.mdmgen.world;

import java.time.LocalDate;

/** Wrong digits: in birth dates, ZIP codes and phone numbers, always visibly wrong. */
final class Digits {
  private Digits() {}

  /** The year of {@code epochDay}, without a LocalDate (the civil-from-days algorithm). */
  static int year(int epochDay) {
    long z = epochDay + 719_468L;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    return (int) (yoe + era * 400 + (mp >= 10 ? 1 : 0));
  }

  /** Whether day and month of {@code epochDay} can be swapped into another valid date. */
  static boolean swappable(int epochDay) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    return d.getDayOfMonth() <= 12 && d.getDayOfMonth() != d.getMonthValue();
  }

  /** {@code epochDay} with day and month swapped; see {@link #swappable}. */
  static int swapDayAndMonth(int epochDay) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    return (int) LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue()).toEpochDay();
  }

  /** {@code epochDay} with one digit wrong: the year's last digit or its decade, or the day. */
  static int wrongDigit(long draw, int epochDay) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    int step = (draw & 1) == 0 ? 1 : -1;
    LocalDate wrong = switch (Hash.below(Hash.mix(draw), 3)) {
      case 0 -> d.plusYears(step);
      case 1 -> d.plusYears(10L * step);
      default -> {
        int day = d.getDayOfMonth() + step * (1 + Hash.below(draw >>> 8, 3));
        if (day < 1 || day > d.lengthOfMonth()) {
          day = d.getDayOfMonth() - step * (1 + Hash.below(draw >>> 8, 3));
        }
        yield d.withDayOfMonth(Math.max(1, Math.min(d.lengthOfMonth(), day)));
      }
    };
    return wrong.equals(d) ? (int) d.plusYears(1).toEpochDay() : (int) wrong.toEpochDay();
  }

  /** Replaces one of the digits of {@code b[from, to)} after the first {@code keep} with another. */
  static void replaceOne(long draw, Utf8Buffer b, int from, int to, int keep) {
    int digits = 0;
    for (int i = from; i < to; i++) {
      digits += isDigit(b.get(i)) ? 1 : 0;
    }
    int pick = keep + Hash.below(draw, Math.max(1, digits - keep));
    for (int i = from, seen = 0; i < to; i++) {
      if (isDigit(b.get(i)) && seen++ == pick) {
        int old = b.get(i) - '0';
        b.set(i, (byte) ('0' + (old + 1 + Hash.below(Hash.mix(draw), 9)) % 10));
        return;
      }
    }
  }

  /**
   * A phone number with one digit of its last seven wrong, or two neighbouring ones swapped
   * where they differ.
   */
  static void phone(long draw, Utf8Buffer b, int from, int to) {
    int digits = 0;
    for (int i = from; i < to; i++) {
      digits += isDigit(b.get(i)) ? 1 : 0;
    }
    if ((draw & 3) == 0) { // a swap of two neighbouring digits of the last seven
      int pick = digits - 7 + Hash.below(Hash.mix(draw), 6);
      int at = -1;
      for (int i = from, seen = 0; i < to; i++) {
        if (isDigit(b.get(i)) && seen++ == pick) {
          at = i;
          break;
        }
      }
      int next = at + 1;
      while (next < to && !isDigit(b.get(next))) {
        next++;
      }
      if (at >= 0 && next < to && b.get(at) != b.get(next)) {
        byte c = b.get(at);
        b.set(at, b.get(next));
        b.set(next, c);
        return;
      }
    }
    replaceOne(draw >>> 2, b, from, to, digits - 7);
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }
}
