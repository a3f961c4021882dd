package io.mdmgen.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mdmgen.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.ConfluentKafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * For machines with Docker: a stream into Confluent's own broker and Schema Registry images,
 * read back by Confluent's deserializer. Skipped where no Docker engine runs (as in our CI,
 * whose stream ITs use a KRaft broker and Apicurio from Maven Central instead).
 */
@Testcontainers(disabledWithoutDocker = true)
class KafkaContainersIT {
  private static final Network NETWORK = Network.newNetwork();

  @Container
  static final ConfluentKafkaContainer KAFKA = new ConfluentKafkaContainer(
      DockerImageName.parse("confluentinc/cp-kafka:7.7.1"))
      .withNetwork(NETWORK).withNetworkAliases("kafka").withListener("kafka:19092");

  @Container
  static final GenericContainer<?> REGISTRY = new GenericContainer<>(
      DockerImageName.parse("confluentinc/cp-schema-registry:7.7.1"))
      .withNetwork(NETWORK).dependsOn(KAFKA).withExposedPorts(8081)
      .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
      .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
      .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
      .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

  @TempDir Path work;

  @Test
  void aStreamIntoConfluentsImagesDecodesWithConfluentsDeserializer() throws Exception {
    String registry = "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081);
    Cli.Result r = Cli.run(work, "--mode", "stream", "--bootstrap-servers", KAFKA.getBootstrapServers(),
        "--schema-registry-url", registry, "--events-per-second", "1000", "--duration", "10s",
        "--scenario", StreamSandbox.FAST_DEMO.toString());
    assertEquals(0, r.exit(), r.stdout() + r.stderr());

    Path summary = work.resolve("verify.json");
    Process verify = new ProcessBuilder(Cli.ROOT.resolve("scripts/verify-stream").toString(),
        "--bootstrap-servers", KAFKA.getBootstrapServers(), "--schema-registry-url", registry)
        .redirectOutput(summary.toFile()).redirectError(work.resolve("verify.err").toFile()).start();
    if (!verify.waitFor(10, TimeUnit.MINUTES)) {
      verify.destroyForcibly();
      throw new AssertionError("verify-stream did not finish");
    }
    JsonNode s = new ObjectMapper().readTree(summary.toFile());
    assertEquals(0, verify.exitValue(), s.toPrettyString() + Files.readString(work.resolve("verify.err")));
    assertEquals(5, s.get("topics").size());
  }
}
