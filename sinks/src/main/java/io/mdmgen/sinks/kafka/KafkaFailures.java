package io.mdmgen.sinks.kafka;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Kafka's client failures in the words of mdmgen's flags: the {@code --kafka.} property behind
 * them where there is one, and Kafka's own reason (its innermost cause, not "Failed to create
 * new KafkaAdminClient"), with the values of secret properties masked.
 */
final class KafkaFailures {
  private KafkaFailures() {}

  /** Why a client could not be created with {@code properties}. */
  static String creating(Throwable e, String bootstrapServers, Map<String, String> properties) {
    Throwable root = root(e);
    String text = (root.getClass().getName() + " " + root.getMessage()).toLowerCase(java.util.Locale.ROOT);
    String family = text.contains("jaas") || text.contains("sasl") || text.contains("login") ? "sasl."
        : text.contains("ssl") || text.contains("keystore") || text.contains("truststore")
            || root instanceof java.nio.file.NoSuchFileException ? "ssl." : null;
    return flag(family, bootstrapServers, properties) + ": Kafka cannot use it: " + reason(root, properties);
  }

  /** Why a request to the brokers failed: no answer, a refused authentication, or Kafka's reason. */
  static String requesting(Exception e, String bootstrapServers, Map<String, String> properties,
      int timeoutSeconds) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof SslAuthenticationException) {
      return flag("ssl.", bootstrapServers, properties) + ": the TLS handshake failed: " + reason(root(cause), properties);
    }
    if (cause instanceof AuthenticationException) {
      return flag("sasl.", bootstrapServers, properties) + ": the broker refused the authentication: "
          + reason(cause, properties);
    }
    if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
      return "--bootstrap-servers " + bootstrapServers + ": no Kafka broker answered within "
          + timeoutSeconds + " s (" + reason(cause, properties) + ")";
    }
    return "--bootstrap-servers " + bootstrapServers + ": " + reason(cause, properties);
  }

  /**
   * The {@code --kafka.} properties of {@code family} that were given ({@code --kafka.sasl.*}
   * beside {@code --kafka.security.protocol}, say), or the bootstrap servers if none was.
   */
  private static String flag(String family, String bootstrapServers, Map<String, String> properties) {
    if (family != null) {
      String keys = properties.keySet().stream().filter(k -> k.startsWith(family)).sorted()
          .map(k -> "--kafka." + k).reduce((a, b) -> a + ", " + b).orElse("");
      if (!keys.isEmpty()) {
        return keys;
      }
      if (properties.containsKey("security.protocol")) {
        return "--kafka.security.protocol";
      }
    }
    return "--bootstrap-servers " + bootstrapServers;
  }

  private static Throwable root(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  /** The exception's class and message, any secret value in it replaced by [hidden]. */
  private static String reason(Throwable e, Map<String, String> properties) {
    String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    for (Map.Entry<String, String> p : properties.entrySet()) {
      if (ProducerOptions.secret(p.getKey()) && !p.getValue().isEmpty()) {
        message = message.replace(p.getValue(), "[hidden]");
        for (String part : p.getValue().split("\"")) { // a JAAS config's password="..." on its own
          if (part.length() >= 4 && !part.contains("=") && !part.isBlank()) {
            message = message.replace(part, "[hidden]");
          }
        }
      }
    }
    return message.replaceAll("\\s+", " ").trim();
  }
}
