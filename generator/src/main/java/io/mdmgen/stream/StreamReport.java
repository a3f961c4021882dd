package io.mdmgen.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mdmgen.events.EventKind;
import io.mdmgen.events.KeyShares;
import io.mdmgen.world.HotKeys;
import io.mdmgen.world.SourceSystem;
import java.util.Optional;
import io.mdmgen.events.Pacer;
import io.mdmgen.events.RateProfile;
import java.util.ArrayList;
import java.util.List;
import io.mdmgen.events.Topic;
import io.mdmgen.events.EventCounts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a stream run did: events per topic and kind, the achieved rate against the target, and
 * the worst 10-second windows. Rates are measured from the moments events were handed to the
 * Kafka producer, not from the plan.
 *
 * @param firstEvent the stream position the run started at (0, or where a checkpoint left off)
 * @param nextEvent the position a restart from the checkpoint continues at
 * @param stopped why the run was stopped before its end (Kafka not acknowledging), or null
 * @param hotKeys the scenario's hot keys, and how the run's shop events spread over keys
 *     (empty without hot keys)
 */
public record StreamReport(String topicPrefix, long firstEvent, long nextEvent, double seconds, EventCounts counts,
    Pacer pacer, String stopped, Optional<HotKeyReport> hotKeys) {
  /** The hot keys a run was configured with, and the spread of its shop events over keys. */
  public record HotKeyReport(HotKeys configured, KeyShares shares) {}

  static final int WINDOW = 10;

  /**
   * Events per second from the start of the clock (when the producer had taken the first event:
   * about its Kafka timestamp) to the last event handed to the producer.
   */
  public double meanRate() {
    long n = counts.total();
    double span = (counts.lastMillis() - Math.max(counts.firstMillis(), pacer.anchorMillis())) / 1000.0;
    return n < 2 || span <= 0 ? 0 : (n - 1) / span;
  }

  /**
   * The whole 10-second windows of the run (from its start) with the fewest and the most events
   * relative to what the profile planned for them: {start second, events, planned} each; empty
   * when the run was shorter than a window.
   */
  long[][] worstWindows() {
    return windows(counts::inSecond);
  }

  /**
   * The whole 10-second window of the run in which Kafka acknowledged the fewest events against
   * the plan: {start second, acknowledged, planned}; empty when the run was shorter than a window
   * or its target is beyond counting. A broker that stalls shows here, not in the windows of
   * events handed over, which the producer's buffer keeps taking.
   */
  long[] lowestAckedWindow() {
    long[][] w = windows(counts::ackedInSecond);
    return w.length == 0 ? new long[0] : w[0];
  }

  /**
   * The lowest and highest whole 10-second windows of {@code perSecond} against the plan, each
   * {start second, events, planned}; empty when there is none or the target is beyond counting.
   */
  private long[][] windows(java.util.function.IntToLongFunction perSecond) {
    // Second 0 starts when the run's clock did; the second of the last event may be partial.
    int complete = (int) ((counts.lastMillis() - pacer.anchorMillis()) / 1000);
    long[] low = null;
    long[] high = null;
    for (int s = 0; s + WINDOW <= complete; s++) {
      long events = 0;
      for (int i = s; i < s + WINDOW; i++) {
        events += perSecond.applyAsLong(i);
      }
      long planned = pacer.plannedBetween(s, s + WINDOW);
      if (planned < 0) {
        return new long[0][]; // a target beyond counting plans no window
      }
      long[] w = {s, events, planned};
      if (low == null || ratio(w) < ratio(low)) {
        low = w;
      }
      if (high == null || ratio(w) > ratio(high)) {
        high = w;
      }
    }
    return low == null ? new long[0][] : new long[][] {low, high};
  }

  private static double ratio(long[] w) {
    return w[2] == 0 ? 1 : (double) w[1] / w[2];
  }

  /** What the profile planned per second over the run; its top rate if beyond counting. */
  public double targetRate() {
    long planned = seconds > 0 ? pacer.plannedBetween(0, seconds) : -1;
    return planned < 0 ? pacer.profile().rate() : planned / seconds;
  }

  /**
   * For a {@code steps:} profile, each stage the run lived through: {stage, first second, last
   * second + 1 (of the run), target per second, events sent in those whole seconds}.
   */
  List<double[]> stages() {
    List<double[]> out = new ArrayList<>();
    if (!(pacer.profile() instanceof RateProfile.Steps st)) {
      return out;
    }
    double start = 0;
    double[] rates = st.rates();
    double[] lengths = st.seconds();
    int runSeconds = (int) Math.floor(seconds);
    for (int i = 0; i < rates.length; i++) {
      double end = i == rates.length - 1 ? Double.POSITIVE_INFINITY : start + lengths[i];
      int from = (int) Math.max(0, Math.ceil(start - pacer.anchorSeconds()));
      int to = (int) Math.min(runSeconds, Math.floor(end - pacer.anchorSeconds()));
      if (to > from) {
        long events = 0;
        for (int sec = from; sec < to; sec++) {
          events += counts.inSecond(sec);
        }
        out.add(new double[] {i + 1, from, to, rates[i], events});
      }
      start = end;
    }
    return out;
  }

  /** A rate as people read it: digits up to a billion, then 1e+30 style. */
  static String rate(double eventsPerSecond) {
    return eventsPerSecond < 1e9 ? String.format(Locale.ROOT, "%,.0f", eventsPerSecond)
        : String.format(Locale.ROOT, "%.3g", eventsPerSecond);
  }

  /** Below this share of its target a run is said to be going as fast as it can. */
  static final double REACHED = 0.5;

  /** Events per second Kafka acknowledged, over the same span as {@link #meanRate}. */
  public double ackedRate() {
    double span = (counts.lastMillis() - Math.max(counts.firstMillis(), pacer.anchorMillis())) / 1000.0;
    return counts.acked() < 2 || span <= 0 ? 0 : (counts.acked() - 1) / span;
  }

  /**
   * The summary; {@code resumable}: the run's checkpoint is kept, so a rerun with it goes on
   * where this one stopped.
   */
  public void print(PrintStream out, boolean resumable) {
    out.printf(Locale.ROOT, "mdmgen stream: %,d events in %.1f s: %,.0f events/s (target %s, %s)%s%n",
        counts.total(), seconds, meanRate(), rate(targetRate()), pacer.profile().text(),
        meanRate() < REACHED * targetRate()
            ? String.format(Locale.ROOT, "; behind: %.2g%% of the target, as fast as it could go",
                100 * meanRate() / targetRate()) : "");
    out.printf(Locale.ROOT, "  acknowledged by Kafka: %,d events (%,.0f/s)%s%n", counts.acked(),
        ackedRate(), counts.acked() < counts.total()
            ? String.format(Locale.ROOT, "; %,d handed over were not", counts.total() - counts.acked())
            : "");
    for (double[] st : stages()) {
      out.printf(Locale.ROOT, "  stage %d (seconds %d-%d): %,.0f events/s (target %s)%n",
          (int) st[0], (int) st[1], (int) st[2], st[4] / (st[2] - st[1]), rate(st[3]));
    }
    out.printf(Locale.ROOT, "  %-28s %10s %9s %9s %9s %10s %9s%n", "topic", "events", "creates",
        "updates", "deletes", "tombstones", "events/s");
    for (Topic t : Topic.values()) {
      out.printf(Locale.ROOT, "  %-28s %,10d %,9d %,9d %,9d %,10d %,9.0f%n", t.name(topicPrefix),
          counts.of(t), t == Topic.MATCH_TRUTH ? counts.of(t, EventKind.TRUTH) : counts.of(t, EventKind.CREATE),
          counts.of(t, EventKind.UPDATE), counts.of(t, EventKind.DELETE),
          counts.of(t, EventKind.TOMBSTONE), seconds > 0 ? counts.of(t) / seconds : 0);
    }
    long[][] w = worstWindows();
    if (w.length == 2) {
      out.printf(Locale.ROOT, "  10-second windows: lowest %,d events (%+.2f%% of plan, from second %d),"
          + " highest %,d (%+.2f%%, from second %d)%n", w[0][1], 100 * (ratio(w[0]) - 1), w[0][0],
          w[1][1], 100 * (ratio(w[1]) - 1), w[1][0]);
    }
    long[] a = lowestAckedWindow();
    if (a.length == 3) {
      out.printf(Locale.ROOT, "  acknowledged in 10-second windows: lowest %,d events (%+.2f%% of plan, from second %d)%n",
          a[1], 100 * (ratio(a) - 1), a[0]);
    }
    hotKeys.ifPresent(h -> out.printf(Locale.ROOT, "  hot keys: orders of %,d customers are %.1f%% of"
        + " the events on %s (configured %.1f%%); the top 1%% of its %,d keys carry %.1f%%%n",
        h.configured().customers(), 100 * h.shares().orderShare(),
        Topic.of(SourceSystem.ECOMMERCE).name(topicPrefix), 100 * h.configured().share(),
        h.shares().keys(), 100 * h.shares().topShare()));
    out.printf(Locale.ROOT, "  stream positions %,d to %,d%s%n", firstEvent, nextEvent - 1,
        resumable ? String.format(Locale.ROOT, " (a restart from the checkpoint goes on at %,d)", nextEvent)
            : " (the checkpoint was temporary: give --checkpoint to resume a stream)");
  }

  private static String key(EventKind k) {
    return k == EventKind.TRUTH ? "truth_records" : k.name().toLowerCase(Locale.ROOT) + "s";
  }

  public void write(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("target_events_per_second", targetRate());
    if (stopped != null) {
      root.put("stopped_because", stopped);
    }
    root.put("acknowledged_events", counts.acked());
    root.put("acknowledged_per_second", ackedRate());
    root.put("share_of_target", targetRate() > 0 ? meanRate() / targetRate() : 0);
    root.put("rate_profile", pacer.profile().text());
    if (pacer.profile() instanceof RateProfile.Steps) {
      var stages = root.putArray("stages");
      for (double[] st : stages()) {
        stages.addObject().put("stage", (int) st[0]).put("from_second", (int) st[1])
            .put("to_second", (int) st[2]).put("target_events_per_second", st[3])
            .put("events_per_second", st[4] / (st[2] - st[1]));
      }
    }
    root.put("seconds", seconds);
    root.put("events", counts.total());
    root.put("achieved_mean_events_per_second", meanRate());
    root.put("mean_record_bytes", counts.total() == 0 ? 0 : (double) counts.bytes() / counts.total());
    root.put("first_event_index", firstEvent);
    root.put("next_event_index", nextEvent);
    ObjectNode kinds = root.putObject("events_by_kind");
    for (EventKind k : EventKind.values()) {
      long sum = 0;
      for (Topic t : Topic.values()) {
        sum += counts.of(t, k);
      }
      kinds.put(key(k), sum);
    }
    ObjectNode topics = root.putObject("topics");
    for (Topic t : Topic.values()) {
      ObjectNode n = topics.putObject(t.name(topicPrefix));
      n.put("events", counts.of(t));
      for (EventKind k : EventKind.values()) {
        if (counts.of(t, k) > 0) {
          n.put(key(k), counts.of(t, k));
        }
      }
      n.put("events_per_second", seconds > 0 ? counts.of(t) / seconds : 0);
    }
    var series = root.putArray("events_per_wall_clock_second");
    for (int i = 0; i < counts.seconds(); i++) {
      series.add(counts.inSecond(i));
    }
    hotKeys.ifPresent(h -> root.putObject("hot_keys")
        .put("topic", Topic.of(SourceSystem.ECOMMERCE).name(topicPrefix))
        .put("customers", h.configured().customers())
        .put("exponent", h.configured().exponent())
        .put("configured_order_share", h.configured().share())
        .put("events", h.shares().events())
        .put("orders", h.shares().orders())
        .put("order_share", h.shares().orderShare())
        .put("keys", h.shares().keys())
        .put("top_1_percent_share", h.shares().topShare()));
    var acked = root.putArray("acknowledged_per_wall_clock_second");
    for (int i = 0; i < counts.ackedSeconds(); i++) {
      acked.add(counts.ackedInSecond(i));
    }
    long[] a = lowestAckedWindow();
    if (a.length == 3) {
      root.putObject("lowest_acknowledged_10_second_window").put("from_second", a[0])
          .put("events", a[1]).put("planned", a[2]).put("deviation", ratio(a) - 1);
    }
    long[][] w = worstWindows();
    if (w.length == 2) {
      ObjectNode windows = root.putObject("worst_10_second_windows");
      for (int i = 0; i < 2; i++) {
        ObjectNode n = windows.putObject(i == 0 ? "lowest" : "highest");
        n.put("from_second", w[i][0]);
        n.put("events", w[i][1]);
        n.put("planned", w[i][2]);
        n.put("deviation", ratio(w[i]) - 1);
      }
    }
    Files.writeString(file, json.writeValueAsString(root) + "\n");
  }
}
