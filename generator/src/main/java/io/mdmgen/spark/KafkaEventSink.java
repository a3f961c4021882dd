package io.mdmgen.spark;

import io.mdmgen.events.Clock;
import io.mdmgen.events.DueHeader;
import io.mdmgen.events.EventCounts;
import io.mdmgen.events.EventCursor;
import io.mdmgen.events.Pacer;
import io.mdmgen.events.StreamPlan;
import io.mdmgen.events.Topic;
import io.mdmgen.sinks.kafka.ProducerOptions;
import io.mdmgen.sinks.kafka.SharedProducers;
import io.mdmgen.sinks.kafka.TransactionalParts;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.connector.read.streaming.ReportsSinkMetrics;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.connector.write.streaming.StreamingDataWriterFactory;
import org.apache.spark.sql.connector.write.streaming.StreamingWrite;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The streaming sink of {@link EventSource}'s slices: each task encodes the events of its slice,
 * sends each to Kafka when it is due through the JVM's shared producer, and flushes before it
 * commits, so a committed micro-batch is in Kafka (at least once, like Spark's own Kafka sink: a
 * batch replayed after a crash sends its events again, with the same event ids). With
 * transactions, each task sends its slice in a Kafka transaction of its part, committed with
 * the part's mark, and skips what a crashed run committed ({@link TransactionalParts}): exactly
 * once for {@code read_committed} consumers. Each record carries its due time in the
 * {@link DueHeader}.
 */
public final class KafkaEventSink implements TableProvider {
  private static final String BOOTSTRAP = "bootstrap_servers";
  private static final String DUE_HEADER = "due_header";
  private static final String TRANSACTIONS = "transactions";
  private static final String KAFKA = "kafka.";

  /**
   * Writes {@code slices} (from {@link EventSource#read}) as events to Kafka, each with the
   * {@link DueHeader} if {@code dueHeader}; exactly once through Kafka transactions of the stream
   * {@code transactions} ({@link TransactionalParts}) unless it is empty.
   */
  public static DataStreamWriter<Row> write(Dataset<Row> slices, EventScanOptions options,
      String bootstrapServers, Map<String, String> producer, boolean dueHeader, String transactions) {
    DataStreamWriter<Row> w = slices.writeStream().format(KafkaEventSink.class.getName())
        .options(options.toMap())
        .option(BOOTSTRAP, bootstrapServers)
        .option(DUE_HEADER, dueHeader)
        .option(TRANSACTIONS, transactions)
        // Spark allows asynchronous progress tracking only with the sinks it knows to be
        // at-least-once (its Kafka and memory sinks); this one is at-least-once in the same way.
        .option("_asyncProgressTrackingOverrideSinkSupportCheck", "true");
    producer.forEach((k, v) -> w.option(KAFKA + k, v));
    return w;
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return EventSource.SCHEMA;
  }

  @Override
  public org.apache.spark.sql.connector.catalog.Table getTable(StructType schema,
      Transform[] partitioning, Map<String, String> properties) {
    Map<String, String> producer = new HashMap<>();
    properties.forEach((k, v) -> {
      if (k.startsWith(KAFKA)) {
        producer.put(k.substring(KAFKA.length()), v);
      }
    });
    EventScanOptions options = EventScanOptions.from(properties);
    // The plan is made here, once, not by every task (hot keys solve for their order rates).
    return new EventTable(new Writers(options, options.plan(), properties.get(BOOTSTRAP), producer,
        Boolean.parseBoolean(properties.get(DUE_HEADER)), properties.getOrDefault(TRANSACTIONS, "")));
  }

  /**
   * The sink's driver side: it adds up the {@link EventCounts} its tasks send back with their
   * commits and reports each micro-batch's in the query's progress ({@link #batchCounts}).
   */
  private static final class EventTable implements SupportsWrite, WriteBuilder, Write,
      StreamingWrite, ReportsSinkMetrics {
    private final Writers writers;
    private volatile Map<String, String> lastBatch = Map.of();

    EventTable(Writers writers) {
      this.writers = writers;
    }

    @Override
    public String name() {
      return "mdmgen.kafka";
    }

    @Override
    public StructType schema() {
      return EventSource.SCHEMA;
    }

    @Override
    public Set<TableCapability> capabilities() {
      return Set.of(TableCapability.STREAMING_WRITE);
    }

    @Override
    public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
      return this;
    }

    @Override
    public Write build() {
      return this;
    }

    @Override
    public StreamingWrite toStreaming() {
      return this;
    }

    @Override
    public StreamingDataWriterFactory createStreamingWriterFactory(PhysicalWriteInfo info) {
      return writers;
    }

    @Override
    public boolean useCommitCoordinator() {
      return false; // every attempt writes to Kafka anyway; there is nothing to arbitrate
    }

    @Override
    public void commit(long epochId, WriterCommitMessage[] messages) {
      EventCounts batch = new EventCounts();
      for (WriterCommitMessage m : messages) {
        batch.merge(((Sent) m).counts());
      }
      lastBatch = Map.of(EPOCH, Long.toString(epochId), COUNTS, batch.text());
    }

    @Override
    public void abort(long epochId, WriterCommitMessage[] messages) {}

    @Override
    public Map<String, String> metrics() {
      return lastBatch;
    }
  }

  private static final String EPOCH = "epoch";
  private static final String COUNTS = "counts";

  /**
   * The counts of the last micro-batch written before {@code progress}, with its id, from the
   * sink's metrics; empty before the first. Each progress repeats them until the next batch.
   */
  public static Optional<Map.Entry<Long, EventCounts>> batchCounts(StreamingQueryProgress progress) {
    Map<String, String> m = progress.sink() == null ? null : progress.sink().metrics();
    if (m == null || !m.containsKey(EPOCH)) {
      return Optional.empty();
    }
    return Optional.of(Map.entry(Long.parseLong(m.get(EPOCH)), EventCounts.parse(m.get(COUNTS))));
  }

  /** What a task sends back with its commit: the counts of the events it sent. */
  private record Sent(EventCounts counts) implements WriterCommitMessage {}

  /**
   * Shipped to the tasks: what they need to encode and send their slices.
   *
   * @param transactions the stream's transactional id prefix; empty for at-least-once
   */
  private record Writers(EventScanOptions options, StreamPlan plan, String bootstrapServers,
      Map<String, String> producer, boolean dueHeader, String transactions)
      implements StreamingDataWriterFactory {
    @Override
    public DataWriter<InternalRow> createWriter(int partitionId, long taskId, long epochId) {
      return new SliceWriter(this);
    }

    /** Spark logs the write (and so this) when a batch fails: no secret producer settings. */
    @Override
    public String toString() {
      return "Writers[bootstrap_servers=" + bootstrapServers + ", producer="
          + ProducerOptions.shown(producer) + "]";
    }
  }

  private static final class SliceWriter implements DataWriter<InternalRow> {
    private final Writers writers;
    private final StreamPlan plan;
    private final String[] topics = new String[Topic.values().length];
    private KafkaProducer<byte[], byte[]> producer;
    /** Exactly-once only: the part's transaction, and the position its mark moves to. */
    private TransactionalParts.Transaction transaction;
    private long upTo;
    private final EventCounts counts = new EventCounts();
    private volatile Exception failure;
    /** Acknowledgements, counted on the producer's thread; merged into counts at commit. */
    private EventCounts acks = new EventCounts();
    private long headerDue = Long.MIN_VALUE;
    private Headers header;
    /** The pacer of the slice being sent, to say in which second of the run an ack came. */
    private volatile Pacer pacer;
    private final Callback callback = (metadata, e) -> {
      if (e != null) {
        if (failure == null) {
          failure = e;
        }
        return;
      }
      Pacer p = pacer;
      int second = p != null && p.anchorMillis() >= 0 ? p.secondOf(Clock.SYSTEM.millis()) : 0;
      synchronized (this) {
        acks.acked(second);
      }
    };

    SliceWriter(Writers writers) {
      this.writers = writers;
      this.plan = writers.plan();
      for (Topic t : Topic.values()) {
        topics[t.ordinal()] = t.name(writers.options().topicPrefix());
      }
      this.producer = writers.transactions().isEmpty()
          ? SharedProducers.get(writers.bootstrapServers(), writers.producer()) : null;
    }

    @Override
    public void write(InternalRow row) throws IOException {
      EventSource.EventRange r = EventSource.EventRange.of(row);
      EventCursor cursor = new EventCursor(plan.spec().world(), plan,
          writers.options().schemaIds(), r.from(), r.to(), r.part(), r.parts());
      Pacer pacer = r.pacer(plan.profile());
      this.pacer = pacer;
      long committed = Long.MIN_VALUE;
      if (!writers.transactions().isEmpty()) {
        if (transaction != null) { // a task reads one slice; a second would end the first's transaction
          throw new IllegalStateException("two slices in one exactly-once task");
        }
        transaction = TransactionalParts.begin(writers.bootstrapServers(), writers.producer(),
            writers.transactions(), r.part(), r.parts(), topics[Topic.CUSTOMERS.ordinal()]);
        producer = transaction.producer();
        committed = transaction.committedUpTo();
        upTo = r.to();
      }
      while (cursor.next()) {
        if (cursor.n() < committed) {
          // Sent and committed before a crash: in Kafka once already, and counted as acknowledged.
          long now = Clock.SYSTEM.millis();
          int second = r.paced() ? pacer.secondOf(now) : 0;
          byte[] value = cursor.value();
          counts.add(cursor.topic(), cursor.kind(), now, second,
              cursor.key().length + (value == null ? 0 : value.length));
          counts.acked(second);
          continue;
        }
        long due = r.paced() ? pacer.dueMillis(cursor.n()) : Clock.SYSTEM.millis();
        long now;
        try {
          now = r.paced() ? Pacer.awaitMillis(due, Clock.SYSTEM) : due;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // Spark is killing the task: let it see why
          throw new InterruptedIOException("stopped while pacing events");
        }
        checkFailure();
        byte[] key = cursor.key();
        byte[] value = cursor.value();
        Topic topic = cursor.topic();
        producer.send(new ProducerRecord<>(topics[topic.ordinal()], null, null, key, value,
            writers.dueHeader() ? dueHeader(due) : null), callback);
        counts.add(topic, cursor.kind(), now, r.paced() ? pacer.secondOf(now) : 0,
            key.length + (value == null ? 0 : value.length));
      }
    }

    /**
     * The headers of a record due at {@code due}: one instance for all records due in the same
     * millisecond (hundreds at full speed), which the producer only reads.
     */
    private Headers dueHeader(long due) {
      if (due != headerDue) {
        headerDue = due;
        header = new RecordHeaders(new Header[] {new RecordHeader(DueHeader.NAME, DueHeader.value(due))});
      }
      return header;
    }

    @Override
    public WriterCommitMessage commit() throws IOException {
      if (producer == null) {
        return new Sent(counts); // no slice
      }
      producer.flush();
      checkFailure();
      if (transaction != null) {
        transaction.commit(upTo);
      }
      synchronized (this) {
        counts.merge(acks);
        acks = new EventCounts();
      }
      return new Sent(counts);
    }

    @Override
    public void abort() {
      if (transaction != null) {
        transaction.abort();
      }
    }

    @Override
    public void close() {}

    private void checkFailure() throws IOException {
      Exception e = failure;
      if (e != null) {
        throw new IOException("Kafka refused an event: " + e.getMessage(), e);
      }
    }
  }
}
