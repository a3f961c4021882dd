package io.mdmgen.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mdmgen.events.Clock;
import io.mdmgen.events.EventOffset;
import io.mdmgen.events.Pacer;
import io.mdmgen.events.RateProfile;
import io.mdmgen.events.StreamPlan;
import io.mdmgen.events.Timeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.streaming.MicroBatchStream;
import org.apache.spark.sql.connector.read.streaming.Offset;
import org.apache.spark.sql.connector.read.streaming.ReadLimit;
import org.apache.spark.sql.connector.read.streaming.ReportsSourceMetrics;
import org.apache.spark.sql.connector.read.streaming.SupportsAdmissionControl;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A streaming source with the rate source's contract ({@code partitions} tasks per micro-batch, a
 * target rate, event n a pure function of n) whose rows are slices of the stream: one row per task
 * per micro-batch, naming the events {@code [from, to)} of that task's share and when each is due.
 * {@link KafkaEventSink}'s writers turn each slice into its Kafka records and pace each to its due
 * time, so events never pass through Spark's row format. The source admits at most one second of
 * events per micro-batch, so a target above what the machines can do makes the run fall behind
 * instead of piling up ever larger batches.
 */
public final class EventSource implements TableProvider {
  /** How far ahead of the clock a micro-batch reaches; its tasks then pace through it. */
  static final double AHEAD_SECONDS = 0.5;
  /** Unpaced one-event micro-batches before the clock starts. */
  static final int WARM_UP_BATCHES = 4;
  /** A bound on how far ahead the clock may start (a warm-up batch that was slow for once). */
  static final long MAX_LEAD_MILLIS = 1_000;
  static final StructType SCHEMA = new StructType()
      .add("part", DataTypes.IntegerType, false)
      .add("parts", DataTypes.IntegerType, false)
      .add("from_n", DataTypes.LongType, false)
      .add("from_step", DataTypes.LongType, false)
      .add("from_within", DataTypes.IntegerType, false)
      .add("to_n", DataTypes.LongType, false)
      .add("anchor_millis", DataTypes.LongType, false)
      .add("anchor_seconds", DataTypes.DoubleType, false);

  /** The stream of {@code options}: one row per task and micro-batch, an {@link EventRange}. */
  public static Dataset<Row> read(SparkSession spark, EventScanOptions options) {
    return spark.readStream().format(EventSource.class.getName()).options(options.toMap()).load();
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return SCHEMA;
  }

  @Override
  public org.apache.spark.sql.connector.catalog.Table getTable(StructType schema,
      Transform[] partitioning, Map<String, String> properties) {
    return new EventTable(EventScanOptions.from(properties));
  }

  private record EventTable(EventScanOptions options) implements SupportsRead, ScanBuilder, Scan {
    @Override
    public String name() {
      return "mdmgen.events";
    }

    @Override
    public StructType schema() {
      return SCHEMA;
    }

    @Override
    public Set<TableCapability> capabilities() {
      return Set.of(TableCapability.MICRO_BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
      return this;
    }

    @Override
    public Scan build() {
      return this;
    }

    @Override
    public StructType readSchema() {
      return SCHEMA;
    }

    @Override
    public MicroBatchStream toMicroBatchStream(String checkpointLocation) {
      return new Stream(options);
    }
  }

  /**
   * The source's side of a run: where it began and stops, its clock once started, what it has
   * admitted, and whether it is closing; reported to the job in each progress ({@link SourceState}).
   */
  private static final class Stream implements MicroBatchStream, SupportsAdmissionControl,
      ReportsSourceMetrics {
    private final EventScanOptions options;
    private final StreamPlan plan;
    private final Timeline timeline;
    private final long maxPerBatch;
    private final Admission admission = new Admission();
    private final Clock clock = Clock.SYSTEM;
    private final Path stopFile;
    private EventOffset first;
    private long stopN = Long.MAX_VALUE;
    private Pacer pacer;
    private long admittedN = -1;
    private boolean closing;
    /** Warm-up micro-batches of this run so far. */
    private int warmUps;
    /** When the last of them was admitted. */
    private long warmUpMillis = -1;

    Stream(EventScanOptions options) {
      this.options = options;
      this.plan = options.plan();
      this.timeline = new Timeline(plan.spec().world(), plan);
      this.maxPerBatch = Math.max(1, (long) Math.ceil(plan.profile().rate()));
      this.stopFile = Path.of(options.stopFile());
    }

    @Override
    public Offset initialOffset() {
      return new EventsOffset(EventOffset.START);
    }

    @Override
    public Offset deserializeOffset(String json) {
      return EventsOffset.parse(json);
    }

    @Override
    public ReadLimit getDefaultReadLimit() {
      return ReadLimit.allAvailable();
    }

    @Override
    public Offset latestOffset() {
      throw new UnsupportedOperationException("latestOffset(Offset, ReadLimit) is the entry point");
    }

    /** Notes where the run starts; fixes where a bounded run stops. */
    private synchronized void begin(EventOffset from) {
      if (first == null) {
        first = from;
        if (!Double.isInfinite(options.durationSeconds())) {
          stopN = Pacer.stopAfter(plan.profile(), from.n(), options.durationSeconds());
        }
      }
    }

    @Override
    public synchronized Offset latestOffset(Offset start, ReadLimit limit) {
      EventOffset from = ((EventsOffset) start).position();
      begin(from);
      closing = closing || Files.exists(stopFile);
      if (closing) {
        // The rest of the step in flight, so no create lacks its truth record.
        EventOffset tail = timeline.stepEnd(from);
        if (tail.n() == from.n()) {
          return start;
        }
        admittedN = tail.n();
        return new EventsOffset(tail);
      }
      if (pacer == null) {
        long now = clock.millis();
        if (warmUps < WARM_UP_BATCHES && from.n() < stopN) {
          // Micro-batches without events (the offset moves, the position does not): they get
          // Spark's planning and task code compiled, and the last shows how long a warm batch
          // takes from here until the next is asked for. No event leaves before the clock starts.
          warmUps++;
          warmUpMillis = now;
          admittedN = from.n();
          return new EventsOffset(from, ((EventsOffset) start).warmUp() + 1);
        }
        // The clock starts when the first paced tasks will be running, not now: otherwise the
        // events due meanwhile leave late, in a burst.
        long lead = warmUpMillis < 0 ? 0 : now - warmUpMillis;
        pacer = Pacer.start(plan.profile(), first.n(), now + Math.min(lead, MAX_LEAD_MILLIS));
      }
      long now = System.nanoTime();
      long cap = Math.min(maxPerBatch, admission.next(from.n(), now));
      long end = Math.min(Math.min(pacer.dueBy(clock.millis(), AHEAD_SECONDS), stopN), from.n() + cap);
      if (end <= from.n()) {
        return start;
      }
      EventOffset to = timeline.advance(from, end - from.n());
      if (to.n() >= stopN) {
        to = timeline.stepEnd(to); // a bounded run ends with a whole step, too
      }
      admission.admitted(from.n(), to.n(), now);
      admittedN = to.n();
      return new EventsOffset(to);
    }

    @Override
    public synchronized Map<String, String> metrics(Optional<Offset> latestConsumedOffset) {
      if (first == null) {
        return Map.of();
      }
      return new SourceState(first, stopN, admittedN, closing,
          pacer == null ? -1 : pacer.anchorMillis(), pacer == null ? 0 : pacer.anchorSeconds()).metrics();
    }

    @Override
    public synchronized InputPartition[] planInputPartitions(Offset start, Offset end) {
      EventOffset from = ((EventsOffset) start).position();
      begin(from); // a batch replayed after a restart comes before any latestOffset
      long to = ((EventsOffset) end).position().n();
      int parts = options.partitions();
      InputPartition[] out = new InputPartition[parts];
      for (int p = 0; p < parts; p++) {
        out[p] = new EventRange(from, to, p, parts, pacer == null ? -1 : pacer.anchorMillis(),
            pacer == null ? 0 : pacer.anchorSeconds());
      }
      return out;
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
      return new ReaderFactory();
    }

    @Override
    public void commit(Offset end) {}

    @Override
    public void stop() {}
  }

  /**
   * How many events the next micro-batch may hold: two seconds' worth at the throughput the last
   * batch achieved, so batches grow while they are short and stay about that long when the
   * target is beyond reach: long enough to amortise Spark's per-batch cost, short enough for
   * prompt progress, live lines and stops.
   */
  static final class Admission {
    static final long FIRST = 50_000;
    private long batchStartN;
    private long batchEndN;
    private long batchStartNanos;
    private long cap = FIRST;

    /** The cap for a batch starting at event {@code n}, at {@code nanos}. */
    long next(long n, long nanos) {
      if (batchEndN > batchStartN && n >= batchEndN && nanos > batchStartNanos) {
        double perSecond = (batchEndN - batchStartN) * 1e9 / (nanos - batchStartNanos);
        cap = Math.max(FIRST, (long) (2 * perSecond));
        batchStartN = batchEndN; // measured: wait for the next admitted batch
      }
      return cap;
    }

    /** Events {@code [n, end)} were admitted at {@code nanos}. */
    void admitted(long n, long end, long nanos) {
      batchStartN = n;
      batchEndN = end;
      batchStartNanos = nanos;
    }
  }

  /** Spark's view of an {@link EventOffset}. */
  static final class EventsOffset extends Offset {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventOffset position;
    /** Warm-up micro-batches that ended here: they tell Spark's offsets apart, not positions. */
    private final int warmUp;

    EventsOffset(EventOffset position) {
      this(position, 0);
    }

    EventsOffset(EventOffset position, int warmUp) {
      this.position = position;
      this.warmUp = warmUp;
    }

    static EventsOffset parse(String json) {
      EventOffset position = EventOffset.parse(json);
      try {
        return new EventsOffset(position, JSON.readTree(json).path("warm_up").asInt(0));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("not an mdmgen stream offset: " + json, e);
      }
    }

    EventOffset position() {
      return position;
    }

    int warmUp() {
      return warmUp;
    }

    @Override
    public String json() {
      String p = position.json();
      return warmUp == 0 ? p : p.substring(0, p.length() - 1) + ",\"warm_up\":" + warmUp + "}";
    }
  }

  /**
   * Task {@code part} of {@code parts} over events {@code [from, to)}, paced by the {@link Pacer}
   * of {@code anchorMillis} and {@code anchorSeconds}, or sent at once if anchorMillis < 0.
   */
  record EventRange(EventOffset from, long to, int part, int parts, long anchorMillis,
      double anchorSeconds) implements InputPartition {

    InternalRow toRow() {
      return new GenericInternalRow(new Object[] {part, parts, from.n(), from.step(),
          from.within(), to, anchorMillis, anchorSeconds});
    }

    static EventRange of(InternalRow row) {
      return new EventRange(new EventOffset(row.getLong(2), row.getLong(3), row.getInt(4)),
          row.getLong(5), row.getInt(0), row.getInt(1), row.getLong(6), row.getDouble(7));
    }

    boolean paced() {
      return anchorMillis >= 0;
    }

    /** The run's pacer, as the driver had it when it planned this slice. */
    Pacer pacer(RateProfile profile) {
      return new Pacer(profile, anchorMillis, anchorSeconds);
    }
  }

  private static final class ReaderFactory implements PartitionReaderFactory {
    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
      InternalRow row = ((EventRange) partition).toRow();
      return new PartitionReader<>() {
        private boolean read;

        @Override
        public boolean next() {
          boolean first = !read;
          read = true;
          return first;
        }

        @Override
        public InternalRow get() {
          return row;
        }

        @Override
        public void close() {}
      };
    }
  }
}
