package io.mdmgen.sinks.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One Kafka producer per configuration per JVM, shared by every task that writes with it: a
 * producer is thread-safe and batches across callers, while one per task would open its own
 * connections, buffers and sender thread for each micro-batch.
 */
public final class SharedProducers {
  private static final Map<Map<String, String>, KafkaProducer<byte[], byte[]>> OPEN =
      new ConcurrentHashMap<>();

  private SharedProducers() {}

  /** The producer for {@code bootstrapServers} with {@code properties}, opened on first use. */
  public static KafkaProducer<byte[], byte[]> get(String bootstrapServers,
      Map<String, String> properties) {
    Map<String, String> config = new HashMap<>(properties);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return OPEN.computeIfAbsent(Map.copyOf(config), c -> new KafkaProducer<>(
        new HashMap<String, Object>(c), new ByteArraySerializer(), new ByteArraySerializer()));
  }

  /** Flushes and closes every producer of this JVM. */
  public static void closeAll() {
    closeAll(java.time.Duration.ofMillis(Long.MAX_VALUE));
  }

  /**
   * Closes every producer of this JVM, waiting at most {@code wait} for what is unsent: zero when
   * Kafka has stopped answering, where a plain close would wait for every record to expire.
   */
  public static void closeAll(java.time.Duration wait) {
    OPEN.keySet().forEach(c -> {
      KafkaProducer<byte[], byte[]> p = OPEN.remove(c);
      if (p != null) {
        p.close(wait);
      }
    });
  }
}
