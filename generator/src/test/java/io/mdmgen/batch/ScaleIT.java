package io.mdmgen.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmgen.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run of any size starts writing at once, and a signal stops it in one line. */
class ScaleIT {
  @TempDir Path work;

  @Test
  void aTrillionRecordsArePlannedAtOnceShowProgressAndStopOnASignal() throws Exception {
    long start = System.nanoTime();
    Process run = Cli.start(work, "--mode", "batch", "--total-records", "1e12", "--sink", "noop");
    try {
      String plan = await(run, l -> l.startsWith("mdmgen: 1,000,000,000,000 source records of "));
      double planned = (System.nanoTime() - start) / 1e9;
      // Before Spark starts: a census of the world would take hours.
      assertTrue(planned < 5, "planned after " + planned + " s: " + plan);
      String progress = await(run, l -> l.matches("mdmgen batch .* [1-9][0-9,]* / 2,5[0-9,]+ rows .*"));
      assertTrue(progress.contains("rows/s"), progress);

      run.destroy(); // SIGTERM, as a scheduler stops a job
      assertTrue(run.waitFor(40, TimeUnit.SECONDS), "stopped within 40 s");
      Cli.Result r = Cli.result(work, run);
      assertEquals(143, r.exit());
      String last = r.stderr().get(r.stderr().size() - 1);
      assertTrue(last.startsWith("mdmgen: stopped by a signal before the commit"), last);
      assertTrue(r.stderr().stream().noneMatch(l -> l.contains("Exception") || l.contains("ERROR")),
          String.join("\n", r.stderr()));
    } finally {
      run.destroyForcibly().waitFor();
    }
  }

  private String await(Process run, Predicate<String> line) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      List<String> lines = Files.readAllLines(work.resolve("stderr.txt"), StandardCharsets.UTF_8);
      for (String l : lines) {
        if (line.test(l)) {
          return l;
        }
      }
      assertTrue(run.isAlive(), "the run ended early: " + lines);
      Thread.sleep(100);
    }
    throw new AssertionError("no such line within 90 s: "
        + Files.readAllLines(work.resolve("stderr.txt"), StandardCharsets.UTF_8));
  }
}
