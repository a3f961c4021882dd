package io.mdmgen.sinks.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

/** Checks that the brokers answer, and creates the run's topics that do not exist yet. */
public final class KafkaTopics {
  private static final int TIMEOUT_SECONDS = 15;

  private KafkaTopics() {}

  /** Fails within about 15 s, naming the flag, if no broker of {@code bootstrapServers} answers. */
  public static void check(String bootstrapServers, ProducerOptions options) {
    ensure(bootstrapServers, options, List.of(), 0);
  }

  /**
   * Creates each of {@code topics} that is missing, with the brokers' default partitions and
   * replication unless {@code partitions} is positive. Fails within about 15 s if no broker answers.
   */
  public static void ensure(String bootstrapServers, ProducerOptions options, List<String> topics,
      int partitions) {
    if (bootstrapServers.isBlank()) {
      throw new SinkException("--bootstrap-servers: empty; give HOST:PORT[,HOST:PORT...]");
    }
    Map<String, Object> config = new HashMap<>();
    Set<String> adminKeys = AdminClientConfig.configNames();
    options.properties().forEach((k, v) -> {
      if (adminKeys.contains(k)) {
        config.put(k, v);
      }
    });
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000);
    Admin created;
    try {
      created = Admin.create(config);
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new SinkException(KafkaFailures.creating(e, bootstrapServers, options.properties()));
    }
    try (Admin admin = created) {
      Set<String> existing;
      try {
        existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        throw new SinkException(KafkaFailures.requesting(e, bootstrapServers, options.properties(), TIMEOUT_SECONDS));
      }
      List<NewTopic> missing = new ArrayList<>();
      for (String t : topics) {
        if (!existing.contains(t)) {
          missing.add(new NewTopic(t, partitions > 0 ? Optional.of(partitions) : Optional.empty(),
              Optional.empty()));
        }
      }
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
          throw new SinkException("--bootstrap-servers " + bootstrapServers + ": cannot create topics "
              + missing.stream().map(NewTopic::name).toList() + " (" + cause(e) + ")");
        }
        awaitLeaders(admin, bootstrapServers, missing.stream().map(NewTopic::name).toList());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SinkException("--bootstrap-servers " + bootstrapServers + ": interrupted");
    }
  }

  /**
   * Waits until every partition of new topics has a leader, so that the first records are not
   * held up by metadata retries (which would skew the first second of a paced run).
   */
  private static void awaitLeaders(Admin admin, String bootstrapServers, List<String> topics)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      try {
        Map<String, TopicDescription> d = admin.describeTopics(topics).allTopicNames()
            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (d.values().stream().allMatch(t -> t.partitions().stream().allMatch(p -> p.leader() != null))) {
          return;
        }
      } catch (ExecutionException | TimeoutException e) {
        // not propagated yet: ask again
      }
      Thread.sleep(50);
    }
    throw new SinkException("--bootstrap-servers " + bootstrapServers + ": new topics " + topics
        + " have no leader after " + TIMEOUT_SECONDS + " s");
  }

  private static String cause(Exception e) {
    Throwable c = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
  }
}
