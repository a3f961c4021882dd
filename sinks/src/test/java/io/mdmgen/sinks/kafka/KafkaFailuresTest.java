package io.mdmgen.sinks.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;
import org.junit.jupiter.api.Test;

class KafkaFailuresTest {
  private static final String SECRET = "hunter2-s3cret";
  private static final Map<String, String> SASL = Map.of("security.protocol", "SASL_PLAINTEXT",
      "sasl.mechanism", "PLAIN", "sasl.jaas.config",
      "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"" + SECRET + "\"");

  @Test
  void aClientThatCannotBeCreatedNamesThePropertyAndKafkasInnermostReason() {
    KafkaException e = new KafkaException("Failed to create new KafkaAdminClient",
        new KafkaException(new IllegalArgumentException("JAAS config entry not terminated by semi-colon")));
    String m = KafkaFailures.creating(e, "b:9092", SASL);
    assertTrue(m.startsWith("--kafka.sasl.jaas.config, --kafka.sasl.mechanism: Kafka cannot use it: "), m);
    assertTrue(m.endsWith("IllegalArgumentException: JAAS config entry not terminated by semi-colon"), m);
  }

  @Test
  void aMissingTruststoreNamesTheSslProperty() {
    KafkaException e = new KafkaException("Failed to create new KafkaAdminClient",
        new KafkaException(new java.nio.file.NoSuchFileException("/no/such/truststore.jks")));
    String m = KafkaFailures.creating(e, "b:9092", Map.of("security.protocol", "SSL",
        "ssl.truststore.location", "/no/such/truststore.jks", "ssl.truststore.password", SECRET));
    assertTrue(m.startsWith("--kafka.ssl.truststore.location, --kafka.ssl.truststore.password: "), m);
    assertTrue(m.contains("/no/such/truststore.jks"), m);
  }

  @Test
  void aRefusedAuthenticationIsNotANoAnswer() {
    String m = KafkaFailures.requesting(new ExecutionException(new UnsupportedSaslMechanismException(
        "Client SASL mechanism 'PLAIN' not enabled in the server, enabled mechanisms are [SCRAM-SHA-256]")),
        "b:9092", SASL, 15);
    assertTrue(m.startsWith("--kafka.sasl.jaas.config, --kafka.sasl.mechanism: the broker refused the authentication: "), m);
    assertTrue(m.contains("not enabled in the server"), m);
    assertFalse(m.contains("no Kafka broker answered"), m);
  }

  @Test
  void secretsInKafkasMessageAreMasked() {
    String m = KafkaFailures.requesting(new ExecutionException(new SaslAuthenticationException(
        "Authentication failed for password " + SECRET)), "b:9092", SASL, 15);
    assertFalse(m.contains(SECRET), m);
    assertTrue(m.contains("[hidden]"), m);
  }

  @Test
  void aFailedTlsHandshakeNamesTheSslPropertiesOrTheProtocol() {
    String m = KafkaFailures.requesting(new ExecutionException(new SslAuthenticationException("SSL handshake failed",
        new javax.net.ssl.SSLHandshakeException("PKIX path building failed"))), "b:9092",
        Map.of("security.protocol", "SSL"), 15);
    assertEquals("--kafka.security.protocol: the TLS handshake failed: SSLHandshakeException: PKIX path building failed", m);
  }

  @Test
  void noAnswerStaysNoAnswer() {
    String m = KafkaFailures.requesting(new java.util.concurrent.TimeoutException(), "b:9092", Map.of(), 15);
    assertEquals("--bootstrap-servers b:9092: no Kafka broker answered within 15 s (TimeoutException)", m);
  }
}
