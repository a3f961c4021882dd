package io.mdmgen.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmgen.cli.Cli;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that takes SASL/PLAIN only (a real kafka.Kafka of its own): a client with another
 * mechanism, or the wrong password, is refused in about a second, and the run says that the
 * broker refused the authentication, naming the --kafka.sasl properties, not that no broker
 * answered; the password is never shown.
 */
class SaslBrokerIT {
  private static final String SECRET = "hunter2-s3cret";
  @TempDir static Path work;
  static Process broker;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    port = freePort();
    int controller = freePort();
    Path config = work.resolve("server.properties");
    Files.writeString(config, String.join("\n",
        "process.roles=broker,controller", "node.id=1",
        "listeners=SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
        "advertised.listeners=SASL_PLAINTEXT://127.0.0.1:" + port,
        "controller.listener.names=CONTROLLER",
        "listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
        "inter.broker.listener.name=SASL_PLAINTEXT",
        "sasl.enabled.mechanisms=PLAIN", "sasl.mechanism.inter.broker.protocol=PLAIN",
        "listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule"
            + " required username=\"admin\" password=\"admin\" user_admin=\"admin\";",
        "controller.quorum.voters=1@127.0.0.1:" + controller,
        "log.dirs=" + work.resolve("data"), "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1", ""));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    Process format = new ProcessBuilder(java, "-cp", cp, "kafka.tools.StorageTool", "format", "-t",
        org.apache.kafka.common.Uuid.randomUuid().toString(), "-c", config.toString())
        .redirectErrorStream(true).redirectOutput(work.resolve("format.log").toFile()).start();
    assertTrue(format.waitFor(60, TimeUnit.SECONDS) && format.exitValue() == 0, "formatted");
    broker = new ProcessBuilder(java, "-Xmx512m", "-cp", cp, "kafka.Kafka", config.toString())
        .redirectErrorStream(true).redirectOutput(work.resolve("kafka.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!Cli.listening(port)) { // its own log is quiet (mdmgen's log4j2 settings are on the classpath)
      assertTrue(broker.isAlive() && System.nanoTime() < deadline, "the SASL broker started");
      Thread.sleep(200);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (broker != null) {
      broker.destroyForcibly().waitFor();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "SCRAM-SHA-256|org.apache.kafka.common.security.scram.ScramLoginModule",
    "PLAIN|org.apache.kafka.common.security.plain.PlainLoginModule",
  })
  void aRefusedAuthenticationIsSaidSoNamingTheSaslProperties(String mechanism, String module) throws Exception {
    long start = System.nanoTime();
    Cli.Result r = Cli.run(work.resolve(mechanism), "--mode", "stream", "--events-per-second", "100",
        "--duration", "3s", "--bootstrap-servers", "127.0.0.1:" + port,
        "--schema-registry-url", "http://127.0.0.1:1/apis/ccompat/v7",
        "--kafka.security.protocol=SASL_PLAINTEXT", "--kafka.sasl.mechanism=" + mechanism,
        "--kafka.sasl.jaas.config=" + module + " required username=\"admin\" password=\"" + SECRET + "\";");
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(2, r.exit(), r.stderr().toString());
    List<String> err = r.stderr();
    assertEquals(1, err.size(), "one line: " + err);
    assertTrue(err.get(0).contains("--kafka.sasl.mechanism") && err.get(0).contains("the broker refused the authentication"),
        err.get(0));
    assertFalse(err.get(0).contains("no Kafka broker answered"), err.get(0));
    assertFalse((r.stdout() + err).contains(SECRET), "the password was shown");
    assertTrue(seconds < 15, "took " + seconds + " s");
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
