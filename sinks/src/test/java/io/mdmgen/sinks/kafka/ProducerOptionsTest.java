package io.mdmgen.sinks.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProducerOptionsTest {
  static final String JAAS = "--kafka.sasl.jaas.config=org.apache.kafka.common.security.plain."
      + "PlainLoginModule required username=\"u\" password=\"p4ss-w0rd\";";

  @Test
  void passesKafkaPropertiesOnOverDefaults() {
    ProducerOptions o = ProducerOptions.parse(List.of("--kafka.acks=1", "--kafka.linger.ms=50",
        "--kafka.compression.type=lz4"));
    assertEquals("1", o.properties().get("acks"));
    assertEquals("50", o.properties().get("linger.ms"));
    assertEquals("lz4", o.properties().get("compression.type"));
    assertEquals("262144", o.properties().get("batch.size"), "default kept");
  }

  @Test
  void secretValuesAreHiddenWhenShown() {
    ProducerOptions o = ProducerOptions.parse(List.of(JAAS, "--kafka.ssl.key.password=k3y",
        "--kafka.security.protocol=SASL_SSL"));
    assertTrue(o.properties().get("sasl.jaas.config").contains("p4ss-w0rd"), "the producer gets it");
    String shown = o.shown().toString();
    assertFalse(shown.contains("p4ss-w0rd") || shown.contains("k3y"), shown);
    assertTrue(shown.contains("SASL_SSL"), shown);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--kafka.acks=maybe|--kafka.acks",
    "--kafka.linger.ms=soon|--kafka.linger.ms",
    "--kafka.no.such.thing=1|--kafka.no.such.thing",
    "--kafka.acks|--kafka.acks",
    "--kafka.=1|--kafka.",
    "--kafka.key.serializer=x|--kafka.key.serializer",
    "--kafka.bootstrap.servers=h:1|--bootstrap-servers",
    "--katka.acks=all|--katka.acks",
  })
  void rejectsMalformedOrUnknownProperties(String arg, String named) {
    SinkException e = assertThrows(SinkException.class, () -> ProducerOptions.parse(List.of(arg)));
    assertTrue(e.getMessage().contains(named), e.getMessage());
  }

  @Test
  void aRejectedSecretIsNotRepeated() {
    SinkException e = assertThrows(SinkException.class, () -> ProducerOptions.parse(
        List.of("--kafka.ssl.keystore.password=s3cr3t", "--kafka.ssl.keystore.type=", "--kafka.acks=maybe")));
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
  }

  @Test
  void registryUrlsLoseTheirCredentials() {
    assertEquals("http://host:8081/apis/ccompat/v7/",
        new SchemaRegistry("http://me:s3cr3t@host:8081/apis/ccompat/v7", null).describe());
    SinkException e = assertThrows(SinkException.class, () -> new SchemaRegistry("ftp://me:s3cr3t@host/", null));
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
  }
}
