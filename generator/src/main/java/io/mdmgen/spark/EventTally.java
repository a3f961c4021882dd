package io.mdmgen.spark;

import io.mdmgen.events.EventKind;
import io.mdmgen.events.Topic;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.util.AccumulatorV2;

/**
 * Events handed to the Kafka writer, per topic and kind, and per topic per second of the run (by
 * the wall clock at which each was emitted); and events Kafka acknowledged, per second of the run
 * in which the acknowledgement came: the figures behind the live line and the report.
 */
public final class EventTally extends AccumulatorV2<EventTally.Counts, EventTally.Counts> {
  private static final int TOPICS = Topic.values().length;
  private static final int KINDS = EventKind.values().length;

  private Counts counts = new Counts();

  /** The counts themselves: plain arrays, merged by adding. */
  public static final class Counts implements Serializable {
    private final long[] byKind = new long[TOPICS * KINDS];
    private long[] bySecond = new long[0];
    private long firstMillis = Long.MAX_VALUE;
    private long lastMillis = Long.MIN_VALUE;
    private long unpacedStartMillis = Long.MIN_VALUE;
    private long bytes;
    /** Seconds of the run reached so far by events handed over and by acknowledgements. */
    private int sentSeconds;
    private int ackedSeconds;
    private long[] ackedBySecond = new long[0];
    private long acked;

    /** Kafka acknowledged one event in second {@code second} of the run. */
    void acked(int second) {
      acked++;
      if (second >= ackedBySecond.length) {
        ackedBySecond = Arrays.copyOf(ackedBySecond, Math.max(second + 1, ackedBySecond.length * 2));
      }
      ackedBySecond[second]++;
      ackedSeconds = Math.max(ackedSeconds, second + 1);
    }

    /** Events Kafka acknowledged. */
    public long acked() {
      return acked;
    }

    /** Events Kafka acknowledged in second {@code second} of the run. */
    public long ackedInSecond(int second) {
      return second < ackedBySecond.length ? ackedBySecond[second] : 0;
    }

    void add(Topic topic, EventKind kind, long millis, int second, int recordBytes) {
      bytes += recordBytes;
      firstMillis = Math.min(firstMillis, millis);
      lastMillis = Math.max(lastMillis, millis);
      byKind[topic.ordinal() * KINDS + kind.ordinal()]++;
      int i = second * TOPICS + topic.ordinal();
      if (i >= bySecond.length) {
        bySecond = Arrays.copyOf(bySecond, Math.max(i + 1, bySecond.length * 2));
      }
      bySecond[i]++;
      sentSeconds = Math.max(sentSeconds, second + 1);
    }

    /** Notes that a task of an unpaced micro-batch (before the clock starts) began at {@code millis}. */
    void unpacedStart(long millis) {
      unpacedStartMillis = Math.max(unpacedStartMillis, millis);
    }

    void merge(Counts o) {
      unpacedStartMillis = Math.max(unpacedStartMillis, o.unpacedStartMillis);
      bytes += o.bytes;
      firstMillis = Math.min(firstMillis, o.firstMillis);
      lastMillis = Math.max(lastMillis, o.lastMillis);
      for (int i = 0; i < byKind.length; i++) {
        byKind[i] += o.byKind[i];
      }
      if (o.bySecond.length > bySecond.length) {
        bySecond = Arrays.copyOf(bySecond, o.bySecond.length);
      }
      for (int i = 0; i < o.bySecond.length; i++) {
        bySecond[i] += o.bySecond[i];
      }
      sentSeconds = Math.max(sentSeconds, o.sentSeconds);
      ackedSeconds = Math.max(ackedSeconds, o.ackedSeconds);
      acked += o.acked;
      if (o.ackedBySecond.length > ackedBySecond.length) {
        ackedBySecond = Arrays.copyOf(ackedBySecond, o.ackedBySecond.length);
      }
      for (int i = 0; i < o.ackedBySecond.length; i++) {
        ackedBySecond[i] += o.ackedBySecond[i];
      }
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

    /** Wall-clock time at which the first event was handed to the writer. */
    public long firstMillis() {
      return firstMillis;
    }

    /** When the last task of an unpaced micro-batch began (Long.MIN_VALUE: none). */
    public long unpacedStartMillis() {
      return unpacedStartMillis;
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

    /** Seconds of the run with any event handed over so far (the last one may still be filling). */
    public int seconds() {
      return sentSeconds;
    }

    /** Seconds of the run up to the last one with an acknowledgement so far. */
    public int ackedSeconds() {
      return ackedSeconds;
    }

    /** Events of {@code topic} emitted in second {@code second} of the run. */
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

    Counts copy() {
      Counts c = new Counts();
      c.merge(this);
      return c;
    }
  }

  @Override
  public boolean isZero() {
    return counts.total() == 0;
  }

  @Override
  public AccumulatorV2<Counts, Counts> copy() {
    EventTally t = new EventTally();
    t.counts = counts.copy();
    return t;
  }

  @Override
  public void reset() {
    counts = new Counts();
  }

  @Override
  public synchronized void add(Counts v) {
    counts.merge(v);
  }

  @Override
  public synchronized void merge(AccumulatorV2<Counts, Counts> other) {
    counts.merge(other.value());
  }

  @Override
  public Counts value() {
    return counts;
  }

  /** A snapshot the driver can read while tasks keep adding. */
  public synchronized Counts snapshot() {
    return counts.copy();
  }
}
