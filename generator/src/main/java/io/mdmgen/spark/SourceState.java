package io.mdmgen.spark;

import io.mdmgen.events.EventOffset;
import io.mdmgen.events.Pacer;
import io.mdmgen.events.RateProfile;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@link EventSource}'s run stands, as it reports it in every progress of the query (Spark's
 * source metrics): the job that watches the run learns its clock and its end from here.
 *
 * @param first the position the run began at
 * @param stopN where a bounded run stops (Long.MAX_VALUE: not bounded)
 * @param admittedN the events before this one have been handed to a micro-batch
 * @param closing the source admits nothing more: the run ends once the admitted are written
 * @param anchorMillis when event {@code first.n()} was due, or -1 before the clock started
 * @param anchorSeconds the rate profile's time of that event
 */
public record SourceState(EventOffset first, long stopN, long admittedN, boolean closing,
    long anchorMillis, double anchorSeconds) {

  Map<String, String> metrics() {
    return Map.of("first", first.json(), "stop_n", Long.toString(stopN),
        "admitted_n", Long.toString(admittedN), "closing", Boolean.toString(closing),
        "anchor_millis", Long.toString(anchorMillis), "anchor_seconds", Double.toString(anchorSeconds));
  }

  /** The state in a progress's source metrics; empty before the source has begun. */
  public static Optional<SourceState> of(Map<String, String> metrics) {
    if (metrics == null || !metrics.containsKey("first")) {
      return Optional.empty();
    }
    return Optional.of(new SourceState(EventOffset.parse(metrics.get("first")),
        Long.parseLong(metrics.get("stop_n")), Long.parseLong(metrics.get("admitted_n")),
        Boolean.parseBoolean(metrics.get("closing")), Long.parseLong(metrics.get("anchor_millis")),
        Double.parseDouble(metrics.get("anchor_seconds"))));
  }

  /** The run's pacer, once its clock has started. */
  public Optional<Pacer> pacer(RateProfile profile) {
    return anchorMillis < 0 ? Optional.empty() : Optional.of(new Pacer(profile, anchorMillis, anchorSeconds));
  }

  /** True once the events before {@code committedN} end the run. */
  public boolean finished(long committedN) {
    return committedN >= stopN || (closing && committedN >= admittedN);
  }
}
