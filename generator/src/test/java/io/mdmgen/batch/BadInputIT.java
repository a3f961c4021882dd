package io.mdmgen.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmgen.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input: one line naming the flag and the value, exit code 2, and no table written. */
class BadInputIT {
  @TempDir static Path work;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
    "--total-records|-5|-5",
    "--total-records|abc|abc",
    "--total-records|0|0",
    "--write-mode|upsert|upsert",
    "--scenario|missing.yml|missing.yml",
    "--scenario|bad-rate.yml|crm.typo = 1.5",
    "--warehouse|not-a-dir/warehouse|not-a-dir",
    "--as-of|yesterday|yesterday",
    "--total-records|1e18|a world tells apart",
    "--total-records|1e30|more than the largest count",
    "--master|spark://127.0.0.1:1|no Spark master answered at 127.0.0.1:1",
    "--master|foo://bar|not a Spark master URL",
    "--warehouse|hdfs://127.0.0.1:8020/wh|hdfs://127.0.0.1:8020/wh",
    "--unique-customers|10|--unique-customers 10 hold",
  })
  void rejectsInOneLine(String flag, String value, String shown) throws Exception {
    Path dir = work.resolve(flag.substring(2) + "-" + Math.abs(value.hashCode()));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("bad-rate.yml"), "crm:\n  typo: 1.5\n");
    Files.writeString(dir.resolve("not-a-dir"), "a file, so no directory can be made under it");
    Path warehouse = dir.resolve("warehouse");
    List<String> args = new ArrayList<>(List.of("--mode", "batch"));
    if (!flag.equals("--total-records")) {
      args.addAll(List.of("--total-records", "1000"));
    }
    if (!flag.equals("--warehouse")) {
      args.addAll(List.of("--warehouse", warehouse.toString()));
    }
    String v = flag.equals("--scenario") || flag.equals("--warehouse") && !value.contains("://")
        ? dir.resolve(value).toString() : value;
    args.addAll(List.of(flag, v));

    long start = System.nanoTime();
    Cli.Result r = Cli.run(dir, args.toArray(String[]::new));
    assertTrue((System.nanoTime() - start) / 1e9 < 20, "refused within 20 s");
    assertTrue(r.stdout().lines().count() < 5, "quiet: " + r.stdout());

    assertEquals(2, r.exit(), "exit code for " + args);
    assertEquals(1, r.stderr().size(), "one line: " + r.stderr());
    String line = r.stderr().get(0);
    assertTrue(line.contains(flag) && line.contains(shown), line);
    assertFalse(Files.exists(warehouse.resolve("mdm_demo.db")), "no table written");
    assertFalse(Files.exists(warehouse.resolve("metastore_db")), "refused before Spark made a metastore");
  }

  /** A second run into a warehouse in use says so once, instead of pages of Derby errors. */
  @Test
  void aWarehouseInUseByAnotherRunIsNamedInOneLine() throws Exception {
    Path dir = work.resolve("in-use");
    Path warehouse = dir.resolve("warehouse");
    Process first = Cli.start(dir.resolve("first"), "--total-records", "5e6", "--warehouse", warehouse.toString());
    try {
      Path lock = warehouse.resolve(".mdmgen-lock");
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
      while (!(Files.exists(lock) && !Files.readString(lock).isBlank())) {
        assertTrue(first.isAlive() && System.nanoTime() < deadline, "the first run took its lock");
        Thread.sleep(100);
      }
      Cli.Result second = Cli.run(dir.resolve("second"), "--total-records", "1000", "--warehouse", warehouse.toString());
      assertEquals(2, second.exit(), second.stderr().toString());
      assertEquals(1, second.stderr().size(), "one line: " + second.stderr());
      assertTrue(second.stderr().get(0).contains("in use by another mdmgen run (pid " + first.pid() + ")"),
          second.stderr().get(0));
      assertTrue(first.isAlive(), "the first run goes on");
    } finally {
      first.destroyForcibly().waitFor();
    }
  }
}
