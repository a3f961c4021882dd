package io.mdmgen.stream;

import io.mdmgen.events.Clock;
import io.mdmgen.events.EventCounts;
import io.mdmgen.events.EventCursor;
import io.mdmgen.events.EventOffset;
import io.mdmgen.events.KeyShares;
import io.mdmgen.events.Pacer;
import io.mdmgen.events.RateProfile;
import io.mdmgen.events.StreamPlan;
import io.mdmgen.events.Topic;
import io.mdmgen.sinks.kafka.KafkaTopics;
import io.mdmgen.sinks.kafka.ProducerOptions;
import io.mdmgen.sinks.kafka.SchemaRegistry;
import io.mdmgen.sinks.kafka.SharedProducers;
import io.mdmgen.sinks.kafka.TransactionalParts;
import io.mdmgen.spark.EventScanOptions;
import io.mdmgen.spark.EventSource;
import io.mdmgen.spark.KafkaEventSink;
import io.mdmgen.spark.SourceState;
import io.mdmgen.world.HotKeys;
import io.mdmgen.world.WorldSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MemoryRecordsBuilder;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.utils.Utils;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Stream mode: registers the value schemas, makes sure the topics exist, then runs the
 * Structured Streaming query event source → Kafka until the duration is up or it is told to stop,
 * printing a live line every few seconds.
 */
public final class StreamJob {
  private static final long LIVE_EVERY_MILLIS = 5_000;
  /**
   * How long a bounded run may go past its duration to finish its plan: enough for a last
   * micro-batch that started a little late (a busy machine), not for a run far behind.
   */
  private static final long OVERTIME_GRACE_MILLIS = 2_000;
  private static final long WARM_UP_EVENTS = 50_000;
  private static final int WARM_UP_BATCH_BYTES = 262_144;
  private static final String QUERY_NAME = "mdmgen-stream";

  private StreamJob() {}

  /**
   * What a stream run needs.
   *
   * @param durationSeconds infinite: until {@code stop} is set
   * @param topicPartitions partitions of topics mdmgen creates; 0: the brokers' default
   * @param partitions tasks per micro-batch
   * @param dueHeader whether records carry their due time ({@link io.mdmgen.events.DueHeader})
   * @param transactions exactly once: the prefix of the stream's Kafka transactional ids
   *     ({@link io.mdmgen.sinks.kafka.TransactionalParts}); empty for at least once
   */
  public record Options(WorldSpec spec, RateProfile profile, double durationSeconds,
      boolean embedTruth, String bootstrapServers, SchemaRegistry registry,
      ProducerOptions producer, String topicPrefix, int topicPartitions, String checkpoint,
      int partitions, double deliveryTimeoutSeconds, boolean dueHeader, String transactions) {

    public Options withPartitions(int n) {
      return new Options(spec, profile, durationSeconds, embedTruth, bootstrapServers,
          registry, producer, topicPrefix, topicPartitions, checkpoint, n, deliveryTimeoutSeconds,
          dueHeader, transactions);
    }
  }

  /** Without a commit for this long, the live line says Kafka is not acknowledging. */
  private static final long STALL_MILLIS = 5_000;

  /**
   * Checks that the brokers answer, registers the value schemas (returning their ids by topic)
   * and creates missing topics: in this order, so that a failure leaves no topic behind. Needs
   * no Spark, so bad settings fail fast.
   */
  public static int[] prepare(Options o) {
    KafkaTopics.check(o.bootstrapServers(), o.producer());
    int[] ids = new int[Topic.values().length];
    for (Topic t : Topic.values()) {
      ids[t.ordinal()] = o.registry().register(t.name(o.topicPrefix()) + "-value", t.valueSchema());
    }
    List<String> names = Arrays.stream(Topic.values()).map(t -> t.name(o.topicPrefix())).toList();
    KafkaTopics.ensure(o.bootstrapServers(), o.producer(), names, o.topicPartitions());
    return ids;
  }

  /** Runs the query with the schema ids from {@link #prepare}. */
  public static StreamReport run(SparkSession spark, Options o, int[] ids, AtomicBoolean stop,
      PrintStream console) throws TimeoutException {
    RateProfile profile = o.profile();

    StreamPlan plan = StreamPlan.of(o.spec(), profile, o.embedTruth());
    warmUp(o, plan, ids);
    Clock clock = Clock.SYSTEM;
    RunProgress run = new RunProgress(QUERY_NAME, clock);
    Path stopFile = Path.of(System.getProperty("java.io.tmpdir"), "mdmgen-stop-" + UUID.randomUUID());
    spark.streams().addListener(run);
    long started = clock.millis();
    String stopped = null;
    try {
      StreamingQuery query = toKafka(spark, o, ids, stopFile);
      long nextLive = started + LIVE_EVERY_MILLIS;
      long lastCommitted = -1;
      long progressMillis = clock.millis();
      long longestGap = 0;
      while (query.isActive() && !run.finished()) {
        long now = clock.millis();
        Optional<Pacer> pacer = run.pacer(profile);
        long since = Math.max(progressMillis, pacer.map(Pacer::anchorMillis).orElse(Long.MIN_VALUE));
        if (run.committedN() != lastCommitted) {
          lastCommitted = run.committedN();
          if (pacer.isPresent()) {
            longestGap = Math.max(longestGap, now - since);
          }
          progressMillis = now;
          since = now;
        }
        // A micro-batch commits after its producer's flush: no commit while the clock runs means
        // Kafka is not acknowledging what was sent (or the tasks cannot send at all). Before the
        // clock is known (the first paced batch has not reported yet), no progress at all is.
        long stalled = pacer.isPresent() ? now - since
            : run.lastProgressMillis() < 0 ? 0 : now - run.lastProgressMillis();
        boolean overtime = pacer.isPresent()
            && now - pacer.get().anchorMillis() >= o.durationSeconds() * 1000 + OVERTIME_GRACE_MILLIS;
        if (stalled >= o.deliveryTimeoutSeconds() * 1000) {
          stopped = String.format(Locale.ROOT, "Kafka acknowledged nothing for %d s"
              + " (--delivery-timeout %s); the run stopped", stalled / 1000,
              io.mdmgen.events.Durations.text(o.deliveryTimeoutSeconds()));
          break;
        }
        // Past --duration only the batch in flight is awaited: three times as long as batches have
        // taken, and no less than the grace, so a run at full speed, whose batches are long (two
        // seconds' worth each), is not cut when the shared machine slows one of them down.
        if (overtime && stalled >= Math.max(OVERTIME_GRACE_MILLIS, 3 * longestGap)) {
          stopped = String.format(Locale.ROOT, "--duration is up and Kafka has acknowledged nothing"
              + " for %d s; the run stopped", stalled / 1000);
          break;
        }
        if ((stop.get() || overtime) && !Files.exists(stopFile)) {
          Files.createFile(stopFile); // let the batch in flight finish, so everything sent is counted
        }
        try {
          query.awaitTermination(100);
        } catch (StreamingQueryException e) {
          throw new IllegalStateException("the stream query failed", e);
        }
        if (clock.millis() >= nextLive) {
          live(console, run.counts(), run.pacer(profile).orElse(null), o, clock,
              stalled >= STALL_MILLIS ? stalled / 1000 : 0);
          nextLive += LIVE_EVERY_MILLIS;
        }
      }
      query.stop();
      if (stopped == null && query.exception().isDefined()) {
        throw new IllegalStateException("the stream query failed", query.exception().get());
      }
      EventOffset firstOffset = run.source().map(SourceState::first).orElse(EventOffset.START);
      long first = firstOffset.n();
      long next = Math.max(run.committedN(), first);
      Pacer pacer = run.pacer(profile).orElse(Pacer.start(profile, first, started));
      double seconds = (clock.millis() - Math.max(started, pacer.anchorMillis())) / 1000.0;
      HotKeys hot = o.spec().scenario().life().hotKeys();
      Optional<StreamReport.HotKeyReport> hotKeys = hot.on()
          ? Optional.of(new StreamReport.HotKeyReport(hot, KeyShares.of(o.spec().world(), plan,
              firstOffset, next - first)))
          : Optional.empty();
      return new StreamReport(o.topicPrefix(), first, next,
          seconds, run.counts(), pacer, stopped, hotKeys);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot ask the stream to stop: " + stopFile, e);
    } finally {
      spark.streams().removeListener(run);
      try {
        Files.deleteIfExists(stopFile);
      } catch (IOException e) {
        // a stray empty file in the temporary directory; nothing reads it again
      }
      // Records Kafka never acknowledged are dropped, not waited for (they are not counted).
      SharedProducers.closeAll(stopped == null ? java.time.Duration.ofMillis(Long.MAX_VALUE)
          : java.time.Duration.ZERO);
      TransactionalParts.closeAll();
    }
  }

  /** Starts the query: event source → Kafka event sink. */
  private static StreamingQuery toKafka(SparkSession spark, Options o, int[] ids, Path stopFile)
      throws TimeoutException {
    EventScanOptions scan = new EventScanOptions(o.spec(), o.profile(), o.embedTruth(), ids,
        o.topicPrefix(), o.partitions(), o.durationSeconds(), stopFile.toString());
    // A progress also when no batch ran, so the job soon hears that a closing source is done.
    spark.conf().set("spark.sql.streaming.noDataProgressEventInterval", "100ms");
    return KafkaEventSink.write(EventSource.read(spark, scan), scan, o.bootstrapServers(),
            o.producer().properties(), o.dueHeader(), o.transactions())
        .queryName(QUERY_NAME)
        .option("checkpointLocation", o.checkpoint())
        // Offsets and commits are written beside the next batch, not between batches: the pause
        // between micro-batches is what makes paced events late.
        .option("asyncProgressTrackingEnabled", "true")
        .option("asyncProgressTrackingCheckpointIntervalMs", "0")
        .trigger(Trigger.ProcessingTime(0))
        .start();
  }

  /**
   * Encodes the first events once, here and unpaced, and lays them out as the producer would,
   * then throws them away; starts a producer and fetches the topics' metadata: the dictionaries
   * get loaded and the per-record code compiled by the JIT before the clock starts, instead of
   * making the first paced seconds late (in local mode the tasks share this JVM).
   */
  private static void warmUp(Options o, StreamPlan plan, int[] ids) {
    EventCursor cursor = new EventCursor(o.spec().world(), plan, ids, EventOffset.START, WARM_UP_EVENTS, 0, 1);
    ByteBuffer buffer = ByteBuffer.allocate(WARM_UP_BATCH_BYTES);
    MemoryRecordsBuilder batch = null;
    while (cursor.next()) {
      byte[] key = cursor.key();
      byte[] value = cursor.value();
      if (batch == null || !batch.hasRoomFor(0, key, value, Record.EMPTY_HEADERS)) {
        buffer.clear();
        batch = MemoryRecords.builder(buffer, Compression.NONE, TimestampType.CREATE_TIME, 0);
      }
      batch.append(0, key, value);
      Utils.murmur2(key);
    }
    // The run's shared producer (in local mode the tasks' too) connects and fetches the topics'
    // metadata now, not during the first paced second.
    KafkaProducer<byte[], byte[]> producer =
        SharedProducers.get(o.bootstrapServers(), o.producer().properties());
    for (Topic t : Topic.values()) {
      producer.partitionsFor(t.name(o.topicPrefix()));
    }
  }

  /** One line: the last five whole seconds' rate per topic, against the target. */
  private static void live(PrintStream console, EventCounts c, Pacer pacer, Options o,
      Clock clock, long stalledSeconds) {
    if (pacer == null) {
      return;
    }
    int now = pacer.secondOf(clock.millis());
    int from = Math.max(0, now - 5);
    int seconds = now - from;
    if (seconds <= 0) {
      return;
    }
    long planned = pacer.plannedBetween(from, now);
    // A target beyond counting saturates the plan: say the rate asked.
    double target = planned < 0 ? pacer.profile().rate() : planned / (double) seconds;
    double achieved = sum(c, from, now, null) / (double) seconds;
    String stage = pacer.profile() instanceof RateProfile.Steps st
        ? String.format(Locale.ROOT, ", stage %d/%d", st.stageAt(pacer.anchorSeconds() + now - 1) + 1,
            st.rates().length) : "";
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
        "%5ds  %,9.0f events/s (target %s%s%s)", now, achieved, StreamReport.rate(target), stage,
        achieved < StreamReport.REACHED * target ? ": behind, as fast as it can" : ""));
    for (Topic t : Topic.values()) {
      line.append(String.format(Locale.ROOT, "  %s %,.0f", t.name(""), sum(c, from, now, t) / (double) seconds));
    }
    long acked = 0;
    for (int i = from; i < now; i++) {
      acked += c.ackedInSecond(i);
    }
    line.append(String.format(Locale.ROOT, "  total %,d  acknowledged %,.0f/s", c.total(),
        acked / (double) seconds));
    if (stalledSeconds > 0) {
      line.append(String.format(Locale.ROOT, "  (broker not acknowledging for %d s)", stalledSeconds));
    }
    console.println(line);
  }

  private static long sum(EventCounts c, int from, int to, Topic topic) {
    long s = 0;
    for (int i = from; i < to; i++) {
      s += topic == null ? c.inSecond(i) : c.inSecond(i, topic);
    }
    return s;
  }
}
