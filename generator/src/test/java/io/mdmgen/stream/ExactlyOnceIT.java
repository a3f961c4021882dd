package io.mdmgen.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmgen.cli.Cli;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --exactly-once: a run killed with SIGKILL in the middle of its micro-batches and resumed from its
 * checkpoint leaves every event in Kafka exactly once for a read_committed consumer (Confluent's
 * own client, which fails on any repeat without --allow-duplicates).
 */
class ExactlyOnceIT {
  @TempDir Path work;

  @Test
  void aKilledAndResumedRunIsReadOnceByAReadCommittedConsumer() throws Exception {
    Path checkpoint = work.resolve("checkpoint");
    String[] common = {"--events-per-second", "4000", "--scenario", StreamSandbox.FAST_DEMO.toString(),
        "--topic-prefix", "eo.", "--checkpoint", checkpoint.toString(), "--exactly-once", "--partitions", "2"};
    Process first = StreamSandbox.startStream(work.resolve("first"), with(common, "--duration", "120s"));
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (StreamSandbox.readAll("eo.customers").size() < 20_000) {
        assertTrue(first.isAlive() && System.nanoTime() < deadline, "the first run sends events");
        Thread.sleep(500);
      }
    } finally {
      first.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      first.destroyForcibly().waitFor(); // SIGKILL, mid-batch: no hook runs
    }
    Cli.Result resumed = StreamSandbox.stream(work.resolve("resumed"), with(common, "--duration", "5s"));
    assertEquals(0, resumed.exit(), resumed.stdout() + resumed.stderr());

    StreamSandbox.Verified v = StreamSandbox.verify(work.resolve("verify"), "eo.", "--read-committed");
    assertEquals(0, v.exit(), v.summary().toPrettyString() + v.stderr());
    // Positions 0..end-1 (events, truth records, tombstones) are each one record: none repeated,
    // none missing, though the killed run's last transactions were left open.
    long end = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(work.resolve("resumed/stream-report.json").toFile()).get("next_event_index").asLong();
    assertTrue(end > 20_000, "the resumed run ended at " + end);
    assertEquals(end, v.summary().get("records").asLong(), "every position once");
    assertEquals(0, v.summary().get("event_index_min").asLong());
  }

  private static String[] with(String[] common, String... more) {
    String[] all = java.util.Arrays.copyOf(common, common.length + more.length);
    System.arraycopy(more, 0, all, common.length, more.length);
    return all;
  }
}
