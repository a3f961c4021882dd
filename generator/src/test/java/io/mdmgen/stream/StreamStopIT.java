package io.mdmgen.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mdmgen.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run without --duration stops on SIGTERM (what Ctrl-C's SIGINT also triggers: the same JVM
 * shutdown): the batch in flight is written, the summary and report are complete, and an
 * embedded broker and registry stop only after that.
 */
class StreamStopIT {
  private static final Pattern EMBEDDED = Pattern.compile(
      "mdmgen: bootstrap\\.servers=127\\.0\\.0\\.1:(\\d+) schema\\.registry\\.url=http://127\\.0\\.0\\.1:(\\d+)/.*");

  @TempDir Path work;

  @Test
  void sigtermStopsAnUnboundedRunAndEverythingReportedIsInKafka() throws Exception {
    Process p = StreamSandbox.startStream(work, "--events-per-second", "3000", "--scenario",
        StreamSandbox.FAST_DEMO.toString(), "--topic-prefix", "stop.");
    Cli.Result r = stopAfterLiveLines(p, 2);
    JsonNode report = new ObjectMapper().readTree(work.resolve("stream-report.json").toFile());
    long events = report.get("events").asLong();
    assertTrue(events > 10_000, "events " + events);
    assertEquals(events, report.get("next_event_index").asLong(), "every admitted event counted");
    assertTrue(r.stdout().contains("events in"), r.stdout());

    StreamSandbox.Verified v = StreamSandbox.verify(work.resolve("verify"), "stop.");
    assertEquals(0, v.exit(), v.summary().toPrettyString() + v.stderr());
    assertEquals(events, v.summary().get("records").asLong(), "records in Kafka vs the report");
  }

  @Test
  void sigtermStopsTheEmbeddedBrokerAndRegistryAfterTheLastBatch() throws Exception {
    Process p = Cli.start(work, "--events-per-second", "2000", "--scenario",
        StreamSandbox.FAST_DEMO.toString());
    Cli.Result r = stopAfterLiveLines(p, 1);
    Matcher m = r.stderr().stream().map(EMBEDDED::matcher).filter(Matcher::matches).findFirst()
        .orElseThrow(() -> new AssertionError("no embedded endpoints in " + r.stderr()));
    JsonNode report = new ObjectMapper().readTree(work.resolve("stream-report.json").toFile());
    assertEquals(report.get("events").asLong(), report.get("next_event_index").asLong());
    for (int port : new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))}) {
      assertFalse(Cli.listening(port), "port " + port + " still open after the run");
    }
    assertTrue(r.stderr().stream().noneMatch(l -> l.contains("Exception") || l.contains("timeout")),
        String.join("\n", r.stderr()));
  }

  @Test
  void sigkillOfAnEmbeddedRunTakesItsBrokerAndRegistryWithIt() throws Exception {
    Process p = Cli.start(work, "--events-per-second", "500", "--scenario",
        StreamSandbox.FAST_DEMO.toString());
    try {
      awaitLiveLines(p, 1);
      List<ProcessHandle> servers = p.descendants()
          .filter(h -> h.info().command().orElse("").endsWith("java")).toList();
      assertEquals(2, servers.size(), "a broker and a registry JVM: " + servers);
      Matcher m = Files.readAllLines(work.resolve("stderr.txt")).stream().map(EMBEDDED::matcher)
          .filter(Matcher::matches).findFirst().orElseThrow();
      p.destroyForcibly().waitFor(); // kill -9: no shutdown hook runs
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline && servers.stream().anyMatch(ProcessHandle::isAlive)) {
        Thread.sleep(100);
      }
      assertTrue(servers.stream().noneMatch(ProcessHandle::isAlive), "no server outlives the run by 10 s");
      for (int port : new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))}) {
        assertFalse(Cli.listening(port), "port " + port + " free");
      }
    } finally {
      p.destroyForcibly();
    }
  }

  private void awaitLiveLines(Process p, int lines) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (liveLines() < lines) {
      assertTrue(p.isAlive(), "exited before any live line");
      assertTrue(System.nanoTime() < deadline, "no live line in 3 minutes");
      Thread.sleep(200);
    }
  }

  /** Waits for {@code lines} live lines, sends SIGTERM, and expects the JVM's exit within 60 s. */
  private Cli.Result stopAfterLiveLines(Process p, int lines) throws Exception {
    try {
      awaitLiveLines(p, lines);
      p.destroy(); // SIGTERM
      long signalled = System.nanoTime();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running 60 s after SIGTERM");
      long stopping = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
      Cli.Result r = Cli.result(work, p);
      assertEquals(0, p.exitValue(), () -> "a clean stop on SIGTERM exits 0, as services do (it took "
          + stopping + " ms):\n" + r.stdout() + String.join("\n", r.stderr()));
      return r;
    } finally {
      p.destroyForcibly();
    }
  }

  private long liveLines() throws IOException {
    Path out = work.resolve("stdout.txt");
    return Files.exists(out)
        ? Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> l.contains("(target ")).count()
        : 0;
  }
}
