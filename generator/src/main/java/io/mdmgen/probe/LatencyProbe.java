package io.mdmgen.probe;

import io.mdmgen.events.Clock;
import io.mdmgen.events.DueHeader;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics from their ends and measures, for every record that carries a {@link DueHeader},
 * how long after its planned send time it arrived here. Measuring from the plan rather than from
 * the actual send means a producer that stalls shows as latency (no coordinated omission). The
 * probe joins no consumer group and commits nothing.
 */
public final class LatencyProbe {
  /** How often the live line is printed. */
  static final long LIVE_MILLIS = 5_000;

  /**
   * @param seconds how long to listen once the topics are there; infinite: until {@link #stop}
   */
  public record Options(String bootstrapServers, List<String> topics, Map<String, String> consumer,
      double seconds) {
    public Options {
      topics = List.copyOf(topics);
      consumer = Map.copyOf(consumer);
    }
  }

  /** The probe could not start: topics missing, or Kafka not reachable. */
  public static final class ProbeException extends RuntimeException {
    ProbeException(String message) {
      super(message);
    }
  }

  private final Options options;
  private final Clock clock;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  public LatencyProbe(Options options, Clock clock) {
    this.options = options;
    this.clock = clock;
  }

  /** Asks a running probe to stop after its current poll (from another thread, e.g. Ctrl-C). */
  public void stop() {
    stopping.set(true);
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }

  /** Listens for the options' time (or until {@link #stop}); {@code live} gets progress lines. */
  public ProbeReport run(PrintStream live) {
    Map<String, Object> props = new HashMap<>(options.consumer());
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.putIfAbsent(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "mdmgen-probe");
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props)) {
      consumer = c;
      List<TopicPartition> partitions = partitions(c, live);
      if (partitions.isEmpty()) {
        return ProbeReport.NOTHING;
      }
      c.assign(partitions);
      c.seekToEnd(partitions);
      partitions.forEach(c::position); // fix the ends now, before anything is sent
      live.printf(Locale.ROOT, "mdmgen probe: listening to %d partitions of %s from their ends%n",
          partitions.size(), String.join(", ", options.topics()));
      return listen(c, live);
    } catch (WakeupException e) {
      return ProbeReport.NOTHING; // stopped before it listened
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw new ProbeException("--bootstrap-servers " + options.bootstrapServers()
          + ": Kafka did not answer (" + e.getMessage() + ")");
    } finally {
      consumer = null;
    }
  }

  /** Every partition of the topics, once all of them exist; none if stopped before. */
  private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c, PrintStream live) {
    long giveUp = Double.isInfinite(options.seconds()) ? Long.MAX_VALUE
        : clock.millis() + (long) (options.seconds() * 1000);
    boolean said = false;
    while (!stopping.get()) {
      Map<String, List<PartitionInfo>> all = c.listTopics(Duration.ofSeconds(30));
      List<String> missing = options.topics().stream().filter(t -> !all.containsKey(t)).toList();
      if (missing.isEmpty()) {
        List<TopicPartition> out = new ArrayList<>();
        for (String t : options.topics()) {
          all.get(t).forEach(p -> out.add(new TopicPartition(t, p.partition())));
        }
        return out;
      }
      if (clock.millis() >= giveUp) {
        throw new ProbeException("--topics: " + String.join(", ", missing)
            + " did not appear on " + options.bootstrapServers() + " while the probe ran");
      }
      if (!said) {
        live.println("mdmgen probe: waiting for " + String.join(", ", missing) + " to be created");
        said = true;
      }
      try {
        clock.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    }
    return List.of();
  }

  private ProbeReport listen(KafkaConsumer<byte[], byte[]> c, PrintStream live) {
    Histogram all = new Histogram(3);
    Histogram recent = new Histogram(3);
    Map<String, long[]> byTopic = new LinkedHashMap<>();
    options.topics().forEach(t -> byTopic.put(t, new long[1]));
    long[] bySecond = new long[64];
    long withoutHeader = 0;
    long start = clock.millis();
    long end = Double.isInfinite(options.seconds()) ? Long.MAX_VALUE
        : start + (long) (options.seconds() * 1000);
    long nextLine = start + LIVE_MILLIS;
    long recentEvents = 0;
    long first = -1;
    long last = -1;
    long now = start;
    while (!stopping.get() && now < end) {
      Iterable<ConsumerRecord<byte[], byte[]>> records;
      try {
        records = c.poll(Duration.ofMillis(Math.max(1, Math.min(200, end - now))));
      } catch (WakeupException e) {
        break;
      }
      now = clock.millis();
      int second = (int) ((now - start) / 1000);
      for (ConsumerRecord<byte[], byte[]> r : records) {
        if (first < 0) {
          first = now;
        }
        last = now;
        byTopic.get(r.topic())[0]++;
        if (second >= bySecond.length) {
          bySecond = java.util.Arrays.copyOf(bySecond, Math.max(second + 1, bySecond.length * 2));
        }
        bySecond[second]++;
        Header h = r.headers().lastHeader(DueHeader.NAME);
        long due = h == null ? DueHeader.NONE : DueHeader.millis(h.value());
        if (due == DueHeader.NONE) {
          withoutHeader++;
          continue;
        }
        // Arrived before its plan: only another machine's clock can say so; count it as 0.
        long latency = Math.max(0, now - due);
        all.recordValue(latency);
        recent.recordValue(latency);
        recentEvents++;
      }
      if (now >= nextLine) {
        live.printf(Locale.ROOT, "mdmgen probe: %,d events in %.0f s; last %d s: %,.0f/s, latency p50 %d ms, p99 %d ms, max %d ms%n",
            all.getTotalCount() + withoutHeader, (now - start) / 1000.0, LIVE_MILLIS / 1000,
            recentEvents * 1000.0 / LIVE_MILLIS, recent.getValueAtPercentile(50),
            recent.getValueAtPercentile(99), recent.getMaxValue());
        recent.reset();
        recentEvents = 0;
        nextLine += LIVE_MILLIS;
      }
    }
    Map<String, Long> topics = new LinkedHashMap<>();
    byTopic.forEach((t, n) -> topics.put(t, n[0]));
    int seconds = (int) Math.min(Integer.MAX_VALUE, (now - start + 999) / 1000);
    return new ProbeReport((now - start) / 1000.0, (last - first) / 1000.0, all, withoutHeader, topics,
        java.util.Arrays.copyOf(bySecond, seconds));
  }
}
