package io.mdmgen.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mdmgen.cli.Cli;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run reports when Kafka stops acknowledging: the broker is a `bin/mdmgen sandbox` of its
 * own, so it can be frozen (SIGSTOP) and killed (SIGKILL) as a load tester would.
 */
class DeliveryIT {
  @TempDir Path work;

  /** A sandbox process and its two addresses. */
  private record Broker(Process process, String bootstrap, String registry) {
    static Broker start() throws Exception {
      Process p = new ProcessBuilder(Cli.ROOT.resolve("bin/mdmgen").toString(), "sandbox",
          "--kafka-port", "0", "--schema-registry-port", "0")
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      Matcher kafka = Pattern.compile("bootstrap\\.servers=(127\\.0\\.0\\.1:\\d+)").matcher(out.readLine());
      Matcher registry = Pattern.compile("schema\\.registry\\.url=(\\S+)").matcher(out.readLine());
      assertTrue(kafka.matches() && registry.matches(), "the sandbox's two lines");
      return new Broker(p, kafka.group(1), registry.group(1));
    }

    /** Stops the sandbox as Ctrl-C would, so that it stops its servers too. */
    void stop() throws Exception {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    }

    /** Sends signal {@code name} to the Kafka broker, a JVM the sandbox started. */
    void signal(String name) throws Exception {
      // ProcessHandle.Info cuts long command lines short: read the kernel's whole one.
      ProcessHandle broker = process.toHandle().descendants()
          .filter(h -> commandLine(h).contains("\0kafka.Kafka\0"))
          .findFirst().orElseThrow(() -> new AssertionError("no broker process under the sandbox"));
      assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(broker.pid()))
          .start().waitFor(), "kill -" + name);
    }
  }

  private static String commandLine(ProcessHandle h) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "cmdline")),
          StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return ""; // the process has ended
    }
  }

  private Process stream(Path dir, Broker b, String duration, String timeout) throws Exception {
    return Cli.start(dir, "--events-per-second", "2000", "--duration", duration,
        "--delivery-timeout", timeout, "--bootstrap-servers", b.bootstrap(),
        "--schema-registry-url", b.registry(), "--scenario", StreamSandbox.FAST_DEMO.toString());
  }

  /** Waits until the run has printed {@code lines} live lines (its clock has run that long). */
  private static void awaitLiveLines(Path dir, int lines) throws Exception {
    for (int i = 0; i < 600; i++) {
      Path out = dir.resolve("stdout.txt");
      if (Files.exists(out) && Files.readAllLines(out).stream().filter(l -> l.contains("events/s (target")).count() >= lines) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no live lines in 60 s");
  }

  @Test
  void aFrozenBrokerShowsInTheLiveLineAndTheRunGoesOnWhenItThaws() throws Exception {
    Broker b = Broker.start();
    try {
      Path dir = work.resolve("frozen");
      Process run = stream(dir, b, "45s", "30s");
      awaitLiveLines(dir, 2);
      b.signal("STOP");
      Thread.sleep(20_000);
      b.signal("CONT");
      assertTrue(run.waitFor(3, TimeUnit.MINUTES), "the run ended");
      Cli.Result r = Cli.result(dir, run);
      assertEquals(0, r.exit(), r.stdout() + r.stderr());
      assertTrue(r.stdout().contains("broker not acknowledging for"), r.stdout());
      JsonNode report = new ObjectMapper().readTree(dir.resolve("stream-report.json").toFile());
      assertEquals(report.get("events").asLong(), report.get("acknowledged_events").asLong(),
          "every event sent was acknowledged once the broker thawed");
      // The 20 s freeze holds a whole 10-second window in which Kafka acknowledged nothing.
      JsonNode dip = report.get("lowest_acknowledged_10_second_window");
      assertEquals(0, dip.get("events").asLong(), dip.toString());
      int from = dip.get("from_second").asInt();
      long inDip = 0;
      for (int s = from; s < from + 10; s++) {
        inDip += report.get("acknowledged_per_wall_clock_second").get(s).asLong();
      }
      assertEquals(0, inDip, "the per-second series shows the same dip");
      assertTrue(r.stdout().contains("acknowledged in 10-second windows: lowest 0 events (-100.00% of plan"),
          r.stdout());
    } finally {
      b.stop();
    }
  }

  @Test
  void aKilledBrokerEndsTheRunWithinTheDeliveryTimeoutAndTheReportIsWritten() throws Exception {
    Broker b = Broker.start();
    try {
      Path dir = work.resolve("killed");
      Process run = stream(dir, b, "2m", "10s");
      awaitLiveLines(dir, 2);
      b.signal("KILL");
      long killed = System.nanoTime();
      assertTrue(run.waitFor(2, TimeUnit.MINUTES), "the run ended");
      double seconds = (System.nanoTime() - killed) / 1e9;
      Cli.Result r = Cli.result(dir, run);
      assertEquals(1, r.exit(), r.stdout() + r.stderr());
      assertTrue(seconds < 10 + 5 + 5, "ended " + seconds + " s after the kill");
      assertTrue(r.stderr().get(r.stderr().size() - 1).contains("--delivery-timeout"), r.stderr().toString());
      JsonNode report = new ObjectMapper().readTree(dir.resolve("stream-report.json").toFile());
      assertTrue(report.get("stopped_because").asText().contains("acknowledged nothing"), report.toString());
    } finally {
      b.stop();
    }
  }
}
