package io.mdmgen.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmgen.cli.Cli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad stream settings: one line naming the flag, exit code 2, quickly, and no secret shown; a
 * setting only the broker can judge fails the run with the broker's reason.
 */
class StreamBadInputIT {
  static final String SECRET = "hunter2-s3cret";
  @TempDir static Path work;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "--events-per-second 0|--events-per-second",
    "--events-per-second -5|--events-per-second",
    "--events-per-second abc|--events-per-second",
    "--duration soon|--duration",
    "--rate-profile wave|--rate-profile",
    "--rate-profile steps:1000@0s|--rate-profile",
    "--rate-profile steps:1000@10s,0@10s|--rate-profile",
    "--rate-profile spike:10x@5m/30s|--rate-profile",
    "--rate-profile diurnal:1000/2000@1h|--rate-profile",
    "--rate-profile steps:5000@10s|--events-per-second",
    "--delivery-timeout soon|--delivery-timeout",
    "--delivery-timeout 500ms|--delivery-timeout",
    "--kafka.acks=maybe|--kafka.acks",
    "--kafka.not.a.property=1|--kafka.not.a.property",
    "--kafka.linger.ms|--kafka.linger.ms",
    "--exactly-once --kafka.acks=1|--kafka.acks",
    "--bootstrap-servers 127.0.0.1:1|--bootstrap-servers",
    "--schema-registry-url http://127.0.0.1:1/apis/ccompat/v7|--schema-registry-url",
  })
  void rejectsInOneLineWithinThirtySeconds(String setting, String flag) throws Exception {
    List<String> args = new ArrayList<>(List.of("--mode", "stream", "--duration", "5s",
        "--topic-prefix", "bad.",
        "--kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"u\" password=\"" + SECRET + "\";"));
    String bootstrap = StreamSandbox.get().bootstrapServers();
    String registry = StreamSandbox.get().schemaRegistryUrl();
    if (!setting.startsWith("--events-per-second")) {
      args.addAll(List.of("--events-per-second", "1000"));
    }
    if (!setting.startsWith("--bootstrap-servers")) {
      args.addAll(List.of("--bootstrap-servers", bootstrap));
    }
    if (!setting.startsWith("--schema-registry-url")) {
      args.addAll(List.of("--schema-registry-url", registry));
    }
    args.addAll(List.of(setting.split(" ", 2)));
    long start = System.nanoTime();
    Cli.Result r = Cli.run(work.resolve(Integer.toHexString(setting.hashCode())), args.toArray(String[]::new));
    double seconds = (System.nanoTime() - start) / 1e9;

    assertEquals(2, r.exit(), "exit code for " + setting + ": " + r.stderr());
    assertEquals(1, r.stderr().size(), "one line: " + r.stderr());
    assertTrue(r.stderr().get(0).contains(flag), r.stderr().get(0));
    assertTrue(seconds < 30, "took " + seconds + " s");
    assertFalse((r.stdout() + r.stderr()).contains(SECRET), "the SASL password was shown");
  }

  /**
   * Kafka client settings the client cannot use: the line names the --kafka. property and
   * Kafka's own reason (not "Failed to create new KafkaAdminClient"), and shows no secret.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "--kafka.security.protocol=SASL_PLAINTEXT --kafka.sasl.mechanism=PLAIN --kafka.sasl.jaas.config=not-a-jaas-config|--kafka.sasl.jaas.config",
    "--kafka.security.protocol=SSL --kafka.ssl.truststore.location=/no/such/truststore.jks --kafka.ssl.truststore.password=" + SECRET + "|--kafka.ssl.truststore.location",
  })
  void clientSettingsKafkaCannotUseNameThePropertyAndTheReason(String settings, String flag) throws Exception {
    List<String> args = new ArrayList<>(List.of("--events-per-second", "100", "--duration", "3s",
        "--topic-prefix", "client-settings."));
    args.addAll(List.of(settings.split(" ")));
    long start = System.nanoTime();
    Cli.Result r = StreamSandbox.stream(work.resolve(Integer.toHexString(settings.hashCode())), args.toArray(String[]::new));
    assertEquals(2, r.exit(), r.stderr().toString());
    assertEquals(1, r.stderr().size(), "one line: " + r.stderr());
    String line = r.stderr().get(0);
    assertTrue(line.contains(flag) && line.contains("Kafka cannot use it: "), line);
    assertFalse(line.contains("Failed to create new KafkaAdminClient"), line);
    assertFalse((r.stdout() + r.stderr()).contains(SECRET), "a secret was shown");
    assertTrue((System.nanoTime() - start) / 1e9 < 30, "quickly");
  }

  /**
   * Records Kafka refuses fail the tasks that sent them, so the run, not silently; the failure
   * report (ours and Spark's, which prints the failed write) shows no SASL password.
   */
  @Test
  void aRecordKafkaRefusesStopsTheRunWithKafkasReason() throws Exception {
    Cli.Result r = Cli.run(work.resolve("refused"), "--mode", "stream", "--events-per-second",
        "1000", "--duration", "10s", "--topic-prefix", "refused.",
        "--bootstrap-servers", StreamSandbox.get().bootstrapServers(),
        "--schema-registry-url", StreamSandbox.get().schemaRegistryUrl(),
        "--kafka.max.request.size=100",
        // Unused by a PLAINTEXT broker, but part of the producer's settings all the same.
        "--kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule"
            + " required username=\"u\" password=\"" + SECRET + "\";",
        "--debug");
    assertEquals(1, r.exit(), String.valueOf(r.stderr()));
    assertTrue(r.stderr().stream().anyMatch(l -> l.startsWith("mdmgen: failed: ")
        && l.contains("max.request.size")), String.valueOf(r.stderr()));
    assertTrue(r.stderr().stream().anyMatch(l -> l.contains("\tat ")),
        "--debug shows the stack trace: " + r.stderr());
    assertFalse((r.stdout() + r.stderr()).contains(SECRET), "the SASL password was shown");
  }

  /** Without --debug a failure is reported once, in a line of ours, not in pages of task logs. */
  @Test
  void aFailedRunSaysWhyInOneLine() throws Exception {
    Cli.Result r = Cli.run(work.resolve("refused-quiet"), "--mode", "stream",
        "--events-per-second", "1000", "--duration", "10s", "--topic-prefix", "refused-quiet.",
        "--bootstrap-servers", StreamSandbox.get().bootstrapServers(),
        "--schema-registry-url", StreamSandbox.get().schemaRegistryUrl(),
        "--kafka.max.request.size=100");
    assertEquals(1, r.exit(), String.valueOf(r.stderr()));
    assertEquals(1, r.stderr().size(), "one line: " + r.stderr());
    assertTrue(r.stderr().get(0).startsWith("mdmgen: failed: ")
        && r.stderr().get(0).contains("max.request.size"), r.stderr().get(0));
  }

  @Test
  void registryCredentialsAreNeverShown() throws Exception {
    Cli.Result r = Cli.run(work.resolve("auth"), "--mode", "stream", "--events-per-second", "10",
        "--bootstrap-servers", StreamSandbox.get().bootstrapServers(),
        "--schema-registry-url", "http://user:" + SECRET + "@127.0.0.1:1/apis/ccompat/v7",
        "--schema-registry-auth", "user:" + SECRET);
    assertEquals(2, r.exit(), String.valueOf(r.stderr()));
    assertTrue(r.stderr().get(0).contains("--schema-registry-url"), r.stderr().get(0));
    assertFalse((r.stdout() + r.stderr()).contains(SECRET), "a registry password was shown: " + r.stderr());
  }

  /**
   * A checkpoint remembers the stream it was started with: a resume with another seed, scenario
   * or topic prefix would go on with another world's events, and one with --exactly-once after an
   * at-least-once start would find no marks to skip by, so each is refused before anything is
   * written.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "--seed 7|--seed 42, not 7",
    "--scenario FAST_DEMO|another --scenario",
    "--topic-prefix resumed-elsewhere.|--topic-prefix resumed., not resumed-elsewhere.",
    "--exactly-once|no --exactly-once",
  })
  void aCheckpointResumedWithOtherOptionsIsRefused(String setting, String difference) throws Exception {
    Path checkpoint = work.resolve("resumed-checkpoint");
    if (!java.nio.file.Files.exists(checkpoint)) {
      Cli.Result first = StreamSandbox.stream(work.resolve("resumed-first"), "--events-per-second", "500",
          "--duration", "3s", "--topic-prefix", "resumed.", "--checkpoint", checkpoint.toString());
      assertEquals(0, first.exit(), String.valueOf(first.stderr()));
    }
    long before = StreamSandbox.readAll("resumed.customers").size();
    String[] kv = setting.split(" ", 2);
    List<String> args = new ArrayList<>(List.of("--events-per-second", "500", "--duration", "3s",
        "--checkpoint", checkpoint.toString()));
    if (!kv[0].equals("--topic-prefix")) {
      args.addAll(List.of("--topic-prefix", "resumed."));
    }
    args.add(kv[0]);
    if (kv.length > 1) {
      args.add(kv[1].equals("FAST_DEMO") ? StreamSandbox.FAST_DEMO.toString() : kv[1]);
    }
    Cli.Result r = StreamSandbox.stream(work.resolve(Integer.toHexString(setting.hashCode())),
        args.toArray(String[]::new));

    assertEquals(2, r.exit(), String.valueOf(r.stderr()));
    assertEquals(1, r.stderr().size(), "one line: " + r.stderr());
    assertTrue(r.stderr().get(0).contains("--checkpoint " + checkpoint) && r.stderr().get(0).contains(difference),
        r.stderr().get(0));
    assertEquals(before, StreamSandbox.readAll("resumed.customers").size(), "no record written");
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of(
        "bootstrap.servers", StreamSandbox.get().bootstrapServers()))) {
      assertFalse(admin.listTopics().names().get().stream().anyMatch(t -> t.startsWith("resumed-elsewhere.")),
          "no topic created");
    }
  }
}
