package io.mdmgen.sinks.kafka;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Producer properties given as {@code --kafka.<property>=<value>}, checked against Kafka's own
 * producer configuration before anything starts (and consumer properties, for the probe). Values of secret properties (passwords, JAAS
 * configs, keys) are never shown.
 */
public final class ProducerOptions {
  /** Throughput-minded defaults; any of them can be overridden. */
  static final Map<String, String> DEFAULTS = Map.of(
      ProducerConfig.LINGER_MS_CONFIG, "10",
      ProducerConfig.BATCH_SIZE_CONFIG, "262144");
  /** Set by the writer itself (Spark's Kafka sink refuses them). */
  private static final Set<String> RESERVED = Set.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
      ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
      ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);

  private final Map<String, String> properties;

  private ProducerOptions(Map<String, String> properties) {
    this.properties = properties;
  }

  /**
   * Parses arguments of the form {@code --kafka.<property>=<value>}; throws {@link SinkException}
   * naming the argument (without a secret value) for anything malformed or unknown to Kafka.
   */
  public static ProducerOptions parse(List<String> args) {
    return new ProducerOptions(parse(args, DEFAULTS, ProducerConfig.configNames(), "producer",
        "producerconfigs", props -> {
          Map<String, Object> check = new LinkedHashMap<>(props);
          check.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
          check.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
          new ProducerConfig(check);
        }));
  }

  /**
   * Consumer properties given the same way (for {@code mdmgen probe}), checked against Kafka's
   * consumer configuration; throws {@link SinkException} as {@link #parse} does.
   */
  public static Map<String, String> parseConsumer(List<String> args) {
    return Collections.unmodifiableMap(parse(args, Map.of(), ConsumerConfig.configNames(),
        "consumer", "consumerconfigs", props -> {
          Map<String, Object> check = new LinkedHashMap<>(props);
          check.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
          check.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
          new ConsumerConfig(check);
        }));
  }

  private static Map<String, String> parse(List<String> args, Map<String, String> defaults,
      Set<String> names, String client, String docs, Consumer<Map<String, String>> check) {
    Map<String, String> props = new LinkedHashMap<>(defaults);
    for (String arg : args) {
      if (!arg.startsWith("--kafka.")) {
        throw new SinkException("unknown option " + arg.replaceFirst("=.*", "=...") + " (see --help)");
      }
      int eq = arg.indexOf('=');
      String key = eq < 0 ? arg.substring(8) : arg.substring(8, eq);
      if (key.isEmpty() || eq < 0) {
        throw new SinkException("--kafka." + key + ": expected --kafka.<property>=<value>, e.g. --kafka.acks=all");
      }
      if (RESERVED.contains(key)) {
        throw new SinkException("--kafka." + key + ": set by mdmgen"
            + (key.equals(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) ? "; use --bootstrap-servers" : "; not configurable"));
      }
      if (!names.contains(key)) {
        throw new SinkException("--kafka." + key + ": not a Kafka " + client + " property"
            + " (see https://kafka.apache.org/documentation/#" + docs + ")");
      }
      props.put(key, arg.substring(eq + 1));
    }
    Map<String, String> withServers = new LinkedHashMap<>(props);
    withServers.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
    try {
      check.accept(withServers);
    } catch (ConfigException e) {
      String key = props.keySet().stream().filter(k -> String.valueOf(e.getMessage()).contains(k))
          .findFirst().orElse("");
      throw new SinkException("--kafka." + key + "=" + shown(key, props.get(key))
          + ": rejected by Kafka: " + (secret(key) ? "invalid value" : e.getMessage()));
    }
    return props;
  }

  /** The properties, for the producer (and the admin client, which shares security settings). */
  public Map<String, String> properties() {
    return Collections.unmodifiableMap(properties);
  }

  /** The properties as people may see them: secret values masked. */
  public Map<String, String> shown() {
    return shown(properties);
  }

  /** {@code properties} as people may see them: secret values masked. */
  public static Map<String, String> shown(Map<String, String> properties) {
    Map<String, String> out = new LinkedHashMap<>();
    properties.forEach((k, v) -> out.put(k, shown(k, v)));
    return out;
  }

  static boolean secret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password") || k.contains("jaas") || k.contains("secret")
        || k.endsWith(".key") || k.contains("token") || k.contains("credentials");
  }

  private static String shown(String key, String value) {
    return secret(key) ? "[hidden]" : value;
  }
}
