package io.mdmgen.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mdmgen.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch run into a warehouse that fills up (a 40 MB tmpfs, mounted in a user and mount
 * namespace of its own so the test needs no root): one line, exit 1, and no staging table or
 * file left on the full disk.
 */
class DiskFullIT {
  private static final String SCRIPT = String.join("\n",
      "mount -t tmpfs -o size=40m tmpfs \"$1\" || { echo no-mount > \"$2/exit.txt\"; exit 0; }",
      "cd \"$2\"",
      "\"$3/bin/mdmgen\" --total-records 1e6 --warehouse \"$1/wh\" > run.out 2> run.err; echo $? > exit.txt",
      "find \"$1/wh/mdm_demo.db\" > files.txt",
      "df -k \"$1\" | tail -n 1 > df.txt",
      "");

  @TempDir Path work;

  @Test
  void aFullDiskFailsInOneLineAndLeavesNoStagingBehind() throws Exception {
    Path disk = Files.createDirectories(work.resolve("disk"));
    Path out = Files.createDirectories(work.resolve("out"));
    Process p = new ProcessBuilder("unshare", "--user", "--map-root-user", "--mount", "sh", "-c", SCRIPT,
        "disk-full", disk.toString(), out.toString(), Cli.ROOT.toString())
        .redirectErrorStream(true).redirectOutput(work.resolve("unshare.log").toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the run ended");
    String exit = Files.readString(out.resolve("exit.txt")).trim();
    assumeTrue(!exit.equals("no-mount"), "this machine lets no user namespace mount a tmpfs");

    List<String> stderr = Files.readAllLines(out.resolve("run.err"));
    assertEquals("1", exit, String.join("\n", stderr));
    assertEquals("mdmgen: failed: IOException: No space left on device (--debug shows the stack trace)",
        stderr.get(stderr.size() - 1));
    assertTrue(stderr.stream().filter(l -> !l.startsWith("mdmgen")).count() == 0, "only mdmgen's lines: " + stderr);
    List<String> files = Files.readAllLines(out.resolve("files.txt"));
    assertTrue(files.stream().noneMatch(f -> f.contains("__staging")), "staging left behind: " + files);
    long freeKb = Long.parseLong(Files.readString(out.resolve("df.txt")).trim().split("\\s+")[3]);
    assertTrue(freeKb > 20_000, "the disk is freed again: " + freeKb + " KB free");
  }
}
