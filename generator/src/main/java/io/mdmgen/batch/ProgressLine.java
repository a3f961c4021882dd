package io.mdmgen.batch;

import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

/**
 * The batch progress line, one layout from start to end: a bar of fixed width, counts with
 * thousands separators padded to the total's width, the rate and the time left from the run's
 * mean rate so far (steadier than the last interval's), and what is being written.
 */
final class ProgressLine implements ProgressBarRenderer {
  static final int BAR = 30;

  @Override
  public String render(ProgressState s, int maxLength) {
    return line(s.getTaskName(), s.getCurrent(), s.getMax(), s.getTotalElapsed(), s.getExtraMessage());
  }

  /** The line for {@code current} of {@code max} rows after {@code elapsed}. */
  static String line(String task, long current, long max, Duration elapsed, String what) {
    double done = max <= 0 ? 0 : Math.min(1, (double) current / max);
    int filled = (int) Math.floor(done * BAR);
    String total = String.format(Locale.ROOT, "%,d", max);
    double seconds = elapsed.toMillis() / 1000.0;
    boolean known = current > 0 && seconds >= 1;
    double rate = known ? current / seconds : 0;
    String left = current >= max ? clock(0) : known ? clock((long) ((max - current) / rate)) : "?";
    return String.format(Locale.ROOT, "%s %3d%% [%s%s] %" + total.length() + "s / %s rows  %s elapsed, %s left  %s rows/s %s",
        task, (int) Math.floor(done * 100), "=".repeat(filled), " ".repeat(BAR - filled),
        String.format(Locale.ROOT, "%,d", current), total, clock((long) seconds), left,
        known ? String.format(Locale.ROOT, "%,.0f", rate) : "?", what.trim()).stripTrailing();
  }

  private static String clock(long seconds) {
    return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
