package io.mdmgen.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mdmgen.cli.Cli;
import io.mdmgen.events.DueHeader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code mdmgen probe} against a stream run on the shared sandbox. */
class ProbeIT {
  @TempDir static Path work;

  private static void awaitLine(Path file, String text) throws Exception {
    for (int i = 0; i < 1200; i++) {
      if (Files.exists(file) && Files.readString(file).contains(text)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no '" + text + "' in " + file + " within 120 s");
  }

  private static void signal(Process p, String name) throws Exception {
    assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor());
  }

  @Test
  void latencyIsMeasuredFromThePlanSoAPausedProducerShowsInTheTail() throws Exception {
    Path probeDir = work.resolve("probe");
    Path streamDir = work.resolve("stream");
    // Listening longer than the run takes on a busy machine; stopped once it has ended.
    Process probe = Cli.start(probeDir, "probe", "--bootstrap-servers",
        StreamSandbox.get().bootstrapServers(), "--topic-prefix", "probe.", "--duration", "300s",
        "--report", probeDir.resolve("probe-report.json").toString());
    Process stream = StreamSandbox.startStream(streamDir, "--events-per-second", "2000",
        "--duration", "40s", "--topic-prefix", "probe.", "--scenario", StreamSandbox.FAST_DEMO.toString());
    awaitLine(probeDir.resolve("stderr.txt"), "listening to");
    awaitLine(streamDir.resolve("stdout.txt"), "events/s (target");
    Thread.sleep(10_000);
    // The producer, not the broker, stops: every event due meanwhile leaves late, the first of
    // them by the whole pause. The slowest 0.1% of a 40 s run are the events due in the first
    // 40 ms of the pause, so p99.9 is the pause less those 40 ms: pause 5.1 s to see 5 s.
    long paused = System.nanoTime();
    signal(stream, "STOP");
    Thread.sleep(5_100);
    signal(stream, "CONT");
    double pausedMillis = (System.nanoTime() - paused) / 1e6;
    assertTrue(stream.waitFor(3, TimeUnit.MINUTES), "the stream ended");
    Cli.Result s = Cli.result(streamDir, stream);
    assertEquals(0, s.exit(), s.stdout() + s.stderr());
    Thread.sleep(3_000); // every event is acknowledged once the stream ends: time to poll them
    // SIGTERM runs the same shutdown hook as Ctrl-C's SIGINT, which a JVM started in the
    // background by a non-interactive shell (a CI runner's, say) inherits as ignored.
    signal(probe, "TERM");
    assertTrue(probe.waitFor(1, TimeUnit.MINUTES), "the probe ended on SIGTERM");
    Cli.Result p = Cli.result(probeDir, probe);
    assertEquals(143, p.exit(), "the exit status of a SIGTERM: " + p.stdout() + p.stderr());

    JsonNode sent = new ObjectMapper().readTree(streamDir.resolve("stream-report.json").toFile());
    JsonNode got = new ObjectMapper().readTree(probeDir.resolve("probe-report.json").toFile());
    assertEquals(sent.get("events").asLong(), got.get("events").asLong(), "the probe saw every event");
    assertEquals(0, got.get("events_without_header").asLong());
    JsonNode latency = got.get("latency_ms");
    assertTrue(latency.get("p99_9").asLong() >= Math.max(5_000, pausedMillis - 100), "p99.9 " + latency + " after a "
        + pausedMillis + " ms pause");
    assertTrue(latency.get("max").asLong() >= 5_000, latency.toString());
    assertTrue(latency.get("p50").asLong() < 1_000, "most events are on time: " + latency);
    assertTrue(p.stdout().contains("p99.9 "), p.stdout());

    // The header itself: every record has one, at or before the producer stamped it (the pause
    // and the catch-up after it keep some a few seconds behind).
    for (ConsumerRecord<byte[], byte[]> r : StreamSandbox.readAll("probe.customers")) {
      Header h = r.headers().lastHeader(DueHeader.NAME);
      long due = DueHeader.millis(h == null ? null : h.value());
      assertTrue(due != DueHeader.NONE && due <= r.timestamp() && r.timestamp() - due < 30_000,
          "due " + due + " vs sent " + r.timestamp());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "--duration 0s|--duration",
    "--duration soon|--duration",
    "--topics bad/topic|--topics",
    "--kafka.not.a.property=1|--kafka.not.a.property",
  })
  void badSettingsGetOneLine(String setting, String flag) throws Exception {
    Cli.Result r = Cli.run(work.resolve(Integer.toHexString(setting.hashCode())), "probe",
        "--bootstrap-servers", StreamSandbox.get().bootstrapServers(), setting.split(" ")[0],
        setting.contains(" ") ? setting.split(" ")[1] : "--duration=1s");
    assertEquals(2, r.exit(), r.stderr().toString());
    assertEquals(1, r.stderr().size(), r.stderr().toString());
    assertTrue(r.stderr().get(0).contains(flag), r.stderr().get(0));
  }

  @Test
  void topicsThatNeverAppearEndTheProbeWithExitOne() throws Exception {
    Cli.Result r = Cli.run(work.resolve("absent"), "probe", "--bootstrap-servers",
        StreamSandbox.get().bootstrapServers(), "--topics", "never.there", "--duration", "3s");
    assertEquals(1, r.exit(), r.stderr().toString());
    assertTrue(r.stderr().get(r.stderr().size() - 1).contains("never.there did not appear"), r.stderr().toString());
  }
}
