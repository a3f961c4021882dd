package io.mdmgen.events;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Events handed to the Kafka producer, per topic and kind, and per topic per second of the run
 * (by the wall clock at which each was handed over); and events Kafka acknowledged, per second of
 * the run in which the acknowledgement came: the figures behind the live line and the report.
 * Counts of several tasks or batches merge by adding; {@link #text()} carries them through
 * Spark's string-valued progress reports.
 */
public final class EventCounts implements Serializable {
  private static final int TOPICS = Topic.values().length;
  private static final int KINDS = EventKind.values().length;

  private final long[] byKind = new long[TOPICS * KINDS];
  private long[] bySecond = new long[0];
  private long[] ackedBySecond = new long[0];
  private long firstMillis = Long.MAX_VALUE;
  private long lastMillis = Long.MIN_VALUE;
  private long bytes;
  private long acked;

  /** Kafka acknowledged one event in second {@code second} of the run. */
  public void acked(int second) {
    acked++;
    ackedBySecond = grown(ackedBySecond, second);
    ackedBySecond[second]++;
  }

  /** One event of {@code topic} and {@code kind}, handed over at {@code millis}, in {@code second} of the run. */
  public void add(Topic topic, EventKind kind, long millis, int second, int recordBytes) {
    bytes += recordBytes;
    firstMillis = Math.min(firstMillis, millis);
    lastMillis = Math.max(lastMillis, millis);
    byKind[topic.ordinal() * KINDS + kind.ordinal()]++;
    int i = second * TOPICS + topic.ordinal();
    bySecond = grown(bySecond, i);
    bySecond[i]++;
  }

  private static long[] grown(long[] a, int index) {
    return index < a.length ? a : Arrays.copyOf(a, Math.max(index + 1, a.length * 2));
  }

  public void merge(EventCounts o) {
    bytes += o.bytes;
    acked += o.acked;
    firstMillis = Math.min(firstMillis, o.firstMillis);
    lastMillis = Math.max(lastMillis, o.lastMillis);
    for (int i = 0; i < byKind.length; i++) {
      byKind[i] += o.byKind[i];
    }
    bySecond = added(bySecond, o.bySecond);
    ackedBySecond = added(ackedBySecond, o.ackedBySecond);
  }

  private static long[] added(long[] a, long[] b) {
    long[] out = b.length > a.length ? Arrays.copyOf(a, b.length) : a;
    for (int i = 0; i < b.length; i++) {
      out[i] += b[i];
    }
    return out;
  }

  public EventCounts copy() {
    EventCounts c = new EventCounts();
    c.merge(this);
    return c;
  }

  /** Events Kafka acknowledged. */
  public long acked() {
    return acked;
  }

  /** Events Kafka acknowledged in second {@code second} of the run. */
  public long ackedInSecond(int second) {
    return second < ackedBySecond.length ? ackedBySecond[second] : 0;
  }

  public long of(Topic topic, EventKind kind) {
    return byKind[topic.ordinal() * KINDS + kind.ordinal()];
  }

  public long of(Topic topic) {
    long sum = 0;
    for (EventKind k : EventKind.values()) {
      sum += of(topic, k);
    }
    return sum;
  }

  /** Wall-clock time at which the first event was handed over. */
  public long firstMillis() {
    return firstMillis;
  }

  public long lastMillis() {
    return lastMillis;
  }

  /** Key and value bytes of all events. */
  public long bytes() {
    return bytes;
  }

  public long total() {
    return Arrays.stream(byKind).sum();
  }

  /** Seconds of the run up to the last with an event handed over (the last may still be filling). */
  public int seconds() {
    return (lastNonZero(bySecond) + TOPICS) / TOPICS;
  }

  /** Seconds of the run up to the last one with an acknowledgement. */
  public int ackedSeconds() {
    return lastNonZero(ackedBySecond) + 1;
  }

  private static int lastNonZero(long[] a) {
    int i = a.length - 1;
    while (i >= 0 && a[i] == 0) {
      i--;
    }
    return i;
  }

  /** Events of {@code topic} handed over in second {@code second} of the run. */
  public long inSecond(int second, Topic topic) {
    int i = second * TOPICS + topic.ordinal();
    return i < bySecond.length ? bySecond[i] : 0;
  }

  public long inSecond(int second) {
    long sum = 0;
    for (Topic t : Topic.values()) {
      sum += inSecond(second, t);
    }
    return sum;
  }

  /**
   * These counts as one line of text that {@link #parse} reads back: the per-second series from
   * their first non-zero entry, so a batch late in a long run stays short.
   */
  public String text() {
    StringBuilder s = new StringBuilder("kinds=");
    join(s, byKind, 0, byKind.length);
    s.append(";sent=");
    series(s, bySecond);
    s.append(";acked=");
    series(s, ackedBySecond);
    return s.append(";bytes=").append(bytes).append(";first=").append(firstMillis)
        .append(";last=").append(lastMillis).toString();
  }

  private static void series(StringBuilder s, long[] a) {
    int from = 0;
    int to = lastNonZero(a) + 1;
    while (from < to && a[from] == 0) {
      from++;
    }
    s.append(from).append(':');
    join(s, a, from, to);
  }

  private static void join(StringBuilder s, long[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (i > from) {
        s.append(',');
      }
      s.append(a[i]);
    }
  }

  /** Reads what {@link #text()} wrote. */
  public static EventCounts parse(String text) {
    EventCounts c = new EventCounts();
    try {
      for (String field : text.split(";")) {
        int eq = field.indexOf('=');
        String name = field.substring(0, eq);
        String value = field.substring(eq + 1);
        switch (name) {
          case "kinds" -> {
            long[] k = numbers(value);
            if (k.length != c.byKind.length) {
              throw new IllegalArgumentException("kinds");
            }
            System.arraycopy(k, 0, c.byKind, 0, k.length);
          }
          case "sent" -> c.bySecond = series(value);
          case "acked" -> {
            c.ackedBySecond = series(value);
            c.acked = Arrays.stream(c.ackedBySecond).sum();
          }
          case "bytes" -> c.bytes = Long.parseLong(value);
          case "first" -> c.firstMillis = Long.parseLong(value);
          case "last" -> c.lastMillis = Long.parseLong(value);
          default -> throw new IllegalArgumentException(name);
        }
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not mdmgen event counts: " + text, e);
    }
    return c;
  }

  private static long[] series(String value) {
    int colon = value.indexOf(':');
    int from = Integer.parseInt(value.substring(0, colon));
    long[] values = numbers(value.substring(colon + 1));
    long[] out = new long[values.length == 0 ? 0 : from + values.length];
    System.arraycopy(values, 0, out, out.length - values.length, values.length);
    return out;
  }

  private static long[] numbers(String csv) {
    return csv.isEmpty() ? new long[0] : Arrays.stream(csv.split(",")).mapToLong(Long::parseLong).toArray();
  }
}
