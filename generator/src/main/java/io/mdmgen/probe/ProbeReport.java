package io.mdmgen.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mdmgen.events.DueHeader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a probe measured: events received per topic and per second, and the latency of those that
 * carried a {@link DueHeader}, from their planned send time to their arrival at the probe.
 *
 * @param seconds how long the probe listened
 * @param receiving from the first event received to the last
 * @param latencyMillis one value per event with the header (HdrHistogram, 3 significant digits)
 * @param perSecond events received in each second from the start of listening
 */
public record ProbeReport(double seconds, double receiving, Histogram latencyMillis, long withoutHeader,
    Map<String, Long> topics, long[] perSecond) {
  /** The report of a probe stopped before it listened. */
  static final ProbeReport NOTHING = new ProbeReport(0, 0, new Histogram(3), 0, Map.of(), new long[0]);

  static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};

  public long events() {
    return latencyMillis.getTotalCount() + withoutHeader;
  }

  /** Events per second from the first event received to the last. */
  public double eventsPerSecond() {
    return receiving > 0 ? (events() - 1) / receiving : 0;
  }

  /** Latency at {@code percentile} (0-100), milliseconds; 0 with nothing measured. */
  public long latency(double percentile) {
    return latencyMillis.getValueAtPercentile(percentile);
  }

  private static String label(double p) {
    return "p" + (p == Math.rint(p) ? Integer.toString((int) p) : Double.toString(p).replace('.', '_'));
  }

  public void print(PrintStream out) {
    out.printf(Locale.ROOT, "mdmgen probe: %,d events in %.1f s: %,.0f events/s from the first to the last%n",
        events(), seconds, eventsPerSecond());
    if (latencyMillis.getTotalCount() > 0) {
      StringBuilder line = new StringBuilder("  latency from the planned send time (" + DueHeader.NAME + "):");
      for (double p : PERCENTILES) {
        line.append(String.format(Locale.ROOT, " %s %,d ms,", label(p).replace('_', '.'), latency(p)));
      }
      line.append(String.format(Locale.ROOT, " max %,d ms", latencyMillis.getMaxValue()));
      out.println(line);
    }
    if (withoutHeader > 0) {
      out.printf(Locale.ROOT, "  %,d events carried no %s header (not from mdmgen, or a consumer that"
          + " does not copy headers): not in the latency figures%n", withoutHeader, DueHeader.NAME);
    }
    topics.forEach((t, n) -> out.printf(Locale.ROOT, "  %-28s %,12d events%n", t, n));
  }

  public void write(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("seconds", seconds);
    root.put("events", events());
    root.put("receiving_seconds", receiving);
    root.put("events_per_second", eventsPerSecond());
    root.put("events_without_header", withoutHeader);
    ObjectNode latency = root.putObject("latency_ms");
    latency.put("measured_from", DueHeader.NAME + " (the planned send time)");
    latency.put("events", latencyMillis.getTotalCount());
    for (double p : PERCENTILES) {
      latency.put(label(p), latency(p));
    }
    latency.put("max", latencyMillis.getMaxValue());
    latency.put("mean", latencyMillis.getTotalCount() > 0 ? latencyMillis.getMean() : 0);
    ObjectNode byTopic = root.putObject("topics");
    topics.forEach(byTopic::put);
    var series = root.putArray("events_per_second_received");
    for (long n : perSecond) {
      series.add(n);
    }
    Files.writeString(file, json.writeValueAsString(root) + "\n");
  }
}
