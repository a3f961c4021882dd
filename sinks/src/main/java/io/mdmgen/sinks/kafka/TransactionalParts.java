package io.mdmgen.sinks.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Exactly-once writes of a stream split into parts (the events of the customers whose index is
 * {@code part} modulo {@code parts}). Each part writes through a transactional producer of its own,
 * whose id is the stream's and the part's, so that a resumed run fences off and aborts whatever
 * a crashed one left open. Each transaction also commits, atomically with the events, how far the
 * part has got: as the offset of a consumer group of the part's own ({@code <stream>-<part>}) on
 * partition 0 of the stream's {@code mark} topic, the position of the first event of the part
 * not yet committed. A task that replays positions after a crash reads that mark and skips the
 * events before it, so a {@code read_committed} consumer sees every event once.
 */
public final class TransactionalParts {
  private static final Map<String, KafkaProducer<byte[], byte[]>> PRODUCERS = new ConcurrentHashMap<>();
  private static final Set<String> OPEN = ConcurrentHashMap.newKeySet();
  private static final Map<Map<String, String>, Admin> ADMINS = new ConcurrentHashMap<>();

  private TransactionalParts() {}

  /** One part's transaction in progress: its producer and the mark it started from. */
  public static final class Transaction {
    private final String id;
    private final KafkaProducer<byte[], byte[]> producer;
    private final TopicPartition mark;
    private final long from;
    private final String parts;

    private Transaction(String id, KafkaProducer<byte[], byte[]> producer, TopicPartition mark,
        long from, String parts) {
      this.id = id;
      this.producer = producer;
      this.mark = mark;
      this.from = from;
      this.parts = parts;
    }

    public KafkaProducer<byte[], byte[]> producer() {
      return producer;
    }

    /** The part's events before this position are in Kafka already: skip them. */
    public long committedUpTo() {
      return from;
    }

    /**
     * Aborts what was sent, at once: an open transaction would hold back every
     * {@code read_committed} consumer of its partitions until it timed out.
     */
    public void abort() {
      try {
        producer.abortTransaction();
        OPEN.remove(id);
      } catch (org.apache.kafka.common.KafkaException e) {
        // fenced or failed: the next begin, here or in a resumed run, ends it
      }
    }

    /** Commits the events sent, and the part's mark at {@code upTo} (never moved back). */
    public void commit(long upTo) {
      producer.sendOffsetsToTransaction(Map.of(mark, new OffsetAndMetadata(Math.max(from, upTo), parts)),
          new ConsumerGroupMetadata(id));
      producer.commitTransaction();
      OPEN.remove(id);
    }
  }

  /**
   * Begins a transaction of part {@code part} of the {@code parts} of stream {@code stream},
   * whose marks are kept on topic {@code markTopic}: aborts one this JVM left open (a failed
   * attempt), and reads the mark, which must have been made with as many parts.
   */
  public static Transaction begin(String bootstrapServers, Map<String, String> properties,
      String stream, int part, int parts, String markTopic) {
    String id = stream + "-" + part;
    Map<String, String> config = new HashMap<>(properties);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    KafkaProducer<byte[], byte[]> producer = PRODUCERS.computeIfAbsent(id, i -> open(i, config));
    if (OPEN.remove(id)) {
      try {
        producer.abortTransaction();
      } catch (org.apache.kafka.common.KafkaException e) {
        // A producer in a fatal state: a new one with the same id fences it and ends its transaction.
        PRODUCERS.remove(id);
        producer.close(java.time.Duration.ZERO);
        producer = PRODUCERS.computeIfAbsent(id, i -> open(i, config));
      }
    }
    TopicPartition mark = new TopicPartition(markTopic, 0);
    String made = "parts=" + parts;
    OffsetAndMetadata committed = mark(admin(config), id, mark);
    if (committed != null && !committed.metadata().equals(made)) {
      throw new IllegalStateException("--partitions " + parts + ": this exactly-once stream was written"
          + " with " + committed.metadata().replace("parts=", "--partitions ") + "; resume with that");
    }
    producer.beginTransaction();
    OPEN.add(id);
    return new Transaction(id, producer, mark, committed == null ? 0 : committed.offset(), made);
  }

  private static KafkaProducer<byte[], byte[]> open(String id, Map<String, String> config) {
    Map<String, Object> c = new HashMap<>(config);
    c.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
    c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(c, new ByteArraySerializer(), new ByteArraySerializer());
    p.initTransactions(); // fences the producers of a crashed run and ends their transactions
    return p;
  }

  private static OffsetAndMetadata mark(Admin admin, String group, TopicPartition mark) {
    try {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().get(mark);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the mark of " + group, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the mark of " + group + ": " + e.getCause().getMessage(), e);
    }
  }

  private static Admin admin(Map<String, String> config) {
    Map<String, String> known = new HashMap<>();
    config.forEach((k, v) -> {
      if (AdminClientConfig.configNames().contains(k)) {
        known.put(k, v);
      }
    });
    return ADMINS.computeIfAbsent(Map.copyOf(known), c -> Admin.create(new HashMap<String, Object>(c)));
  }

  /** Closes the producers and admin clients of this JVM. */
  public static void closeAll() {
    PRODUCERS.keySet().forEach(id -> {
      KafkaProducer<byte[], byte[]> p = PRODUCERS.remove(id);
      if (p != null) {
        p.close();
      }
    });
    OPEN.clear();
    ADMINS.keySet().forEach(c -> {
      Admin a = ADMINS.remove(c);
      if (a != null) {
        a.close();
      }
    });
  }
}
