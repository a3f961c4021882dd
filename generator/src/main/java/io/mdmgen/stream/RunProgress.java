package io.mdmgen.stream;

import io.mdmgen.events.Clock;
import io.mdmgen.events.EventCounts;
import io.mdmgen.events.EventOffset;
import io.mdmgen.events.Pacer;
import io.mdmgen.events.RateProfile;
import io.mdmgen.spark.KafkaEventSink;
import io.mdmgen.spark.SourceState;
import java.util.Optional;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * What a stream run's job knows of its query, from every progress the query reports (Spark posts
 * each to its listeners once, in order): where the source stands, what is committed, and the
 * events each micro-batch handed over and had acknowledged, added up.
 */
final class RunProgress extends StreamingQueryListener {
  private final String queryName;
  private final Clock clock;
  private final EventCounts counts = new EventCounts();
  private SourceState source;
  private long committedN = -1;
  private long lastEpoch = -1;
  private long lastProgressMillis = -1;

  RunProgress(String queryName, Clock clock) {
    this.queryName = queryName;
    this.clock = clock;
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {}

  @Override
  public synchronized void onQueryProgress(QueryProgressEvent event) {
    StreamingQueryProgress p = event.progress();
    if (!queryName.equals(p.name())) {
      return;
    }
    lastProgressMillis = clock.millis();
    if (p.sources().length > 0) {
      SourceProgress s = p.sources()[0];
      SourceState.of(s.metrics()).ifPresent(state -> source = state);
      if (s.endOffset() != null) {
        committedN = EventOffset.parse(s.endOffset()).n();
      }
    }
    KafkaEventSink.batchCounts(p).ifPresent(batch -> {
      if (batch.getKey() > lastEpoch) {
        lastEpoch = batch.getKey();
        counts.merge(batch.getValue());
      }
    });
  }

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {}

  /** The source's last report; empty before it began. */
  synchronized Optional<SourceState> source() {
    return Optional.ofNullable(source);
  }

  /** The run's pacer, once its clock has started and a progress has said so. */
  synchronized Optional<Pacer> pacer(RateProfile profile) {
    return source == null ? Optional.empty() : source.pacer(profile);
  }

  /** Events before this one have been written and committed (-1: none reported yet). */
  synchronized long committedN() {
    return committedN;
  }

  /** When the last progress came (-1: none yet). */
  synchronized long lastProgressMillis() {
    return lastProgressMillis;
  }

  /** True once the run is over: every event of a bounded run, or every admitted one after closing. */
  synchronized boolean finished() {
    return source != null && source.finished(committedN);
  }

  /** A copy of the counts so far. */
  synchronized EventCounts counts() {
    return counts.copy();
  }
}
