package io.mdmgen.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmgen.cli.Cli;
import io.mdmgen.world.SourceSystem;
import io.mdmgen.world.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --write-mode append grows the world: new customers after the old ones, no id twice. */
class AppendIT {
  @TempDir Path work;

  @Test
  void appendingAddsTheNextCustomersAndTheirRecords() throws Exception {
    Path warehouse = work.resolve("warehouse");
    Cli.Result first = Cli.run(work, "--total-records", "10000", "--warehouse", warehouse.toString());
    assertEquals(0, first.exit(), () -> String.join("\n", first.stderr()));
    long before = OrcTables.read(BatchHiveIT.tableDir(warehouse, Table.CUSTOMERS)).rows().size();

    Cli.Result second = Cli.run(work, "--total-records", "10000", "--warehouse", warehouse.toString(),
        "--write-mode", "append");
    assertEquals(0, second.exit(), () -> String.join("\n", second.stderr()));

    OrcTables.Rows customers = OrcTables.read(BatchHiveIT.tableDir(warehouse, Table.CUSTOMERS));
    Set<String> ids = new HashSet<>();
    for (String[] row : customers.rows()) {
      assertTrue(ids.add(row[customers.column("customer_id")]), "customer ids stay unique");
    }
    assertEquals(String.format("CUST-%010d", ids.size() - 1), ids.stream().max(String::compareTo).orElseThrow());
    long sources = 0;
    for (SourceSystem s : SourceSystem.values()) {
      OrcTables.Rows t = OrcTables.read(BatchHiveIT.tableDir(warehouse, Table.of(s)));
      Set<String> records = new HashSet<>();
      t.rows().forEach(r -> assertTrue(records.add(r[t.column("source_record_id")]), "record ids stay unique"));
      sources += t.rows().size();
    }
    assertEquals(20_000, sources, "both runs' records");
    assertEquals(20_000, OrcTables.read(BatchHiveIT.tableDir(warehouse, Table.MATCH_TRUTH)).rows().size());
    assertTrue(customers.rows().size() > before, "the second run added customers");
    try (Stream<Path> dirs = Files.list(warehouse.resolve("mdm_demo.db"))) {
      assertEquals(Table.values().length, dirs.count(), "every table and no staging left");
    }
  }

  /** Tables remember their world: appending another seed or scenario to them is refused. */
  @Test
  void appendingAnotherWorldIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path warehouse = work.resolve("warehouse");
    Cli.Result first = Cli.run(work, "--total-records", "5000", "--warehouse", warehouse.toString());
    assertEquals(0, first.exit(), () -> String.join("\n", first.stderr()));
    long before = OrcTables.read(BatchHiveIT.tableDir(warehouse, Table.CUSTOMERS)).rows().size();

    Cli.Result seed = Cli.run(work, "--total-records", "5000", "--warehouse", warehouse.toString(),
        "--write-mode", "append", "--seed", "7");
    assertEquals(2, seed.exit(), String.join("\n", seed.stderr()));
    assertEquals(1, seed.stderr().size(), "one line: " + seed.stderr());
    assertTrue(seed.stderr().get(0).contains("--write-mode append") && seed.stderr().get(0).contains("--seed 42, not 7"),
        seed.stderr().get(0));

    Path scenario = work.resolve("other.yaml");
    Files.writeString(scenario, "crm:\n  coverage: 0.5\n");
    Cli.Result other = Cli.run(work, "--total-records", "5000", "--warehouse", warehouse.toString(),
        "--write-mode", "append", "--scenario", scenario.toString());
    assertEquals(2, other.exit(), String.join("\n", other.stderr()));
    assertTrue(other.stderr().get(0).contains("another --scenario"), other.stderr().get(0));

    assertEquals(before, OrcTables.read(BatchHiveIT.tableDir(warehouse, Table.CUSTOMERS)).rows().size(),
        "nothing appended");
    try (Stream<Path> dirs = Files.list(warehouse.resolve("mdm_demo.db"))) {
      assertEquals(Table.values().length, dirs.count(), "no staging table left");
    }
  }
}
