package io.mdmgen.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableResult;
import io.mdmgen.avro.ColumnType;
import io.mdmgen.cli.Cli;
import io.mdmgen.world.Table;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --sink bigquery} against a real BigQuery API (bqemulator): every table holds exactly
 * the rows the Hive sink writes for the same seed; a run killed midway leaves no table in the
 * dataset; without credentials or an endpoint the run stops at once with one line.
 */
class BigQuerySinkIT {
  private static final String RECORDS = "2e5";
  @TempDir static Path work;
  static BigQueryEmulator emulator;

  @BeforeAll
  static void start() throws Exception {
    emulator = BigQueryEmulator.start(work.resolve("bqemulator.log"));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void writesTheRowsTheHiveSinkWrites() throws Exception {
    emulator.createDataset("same_rows");
    List<String> args = new ArrayList<>(List.of("--total-records", RECORDS));
    args.addAll(emulator.flags("same_rows"));
    Cli.Result bq = Cli.run(work.resolve("bq"), args.toArray(String[]::new));
    assertEquals(0, bq.exit(), "bigquery run: " + bq.stderr());
    Path warehouse = work.resolve("hive/warehouse");
    Cli.Result hive = Cli.run(work.resolve("hive"), "--total-records", RECORDS, "--warehouse", warehouse.toString());
    assertEquals(0, hive.exit(), "hive run: " + hive.stderr());

    BigQuery client = emulator.client();
    for (Table t : Table.values()) {
      List<ColumnType> types = types(t);
      List<String> expected = canonical(OrcTables.read(BatchHiveIT.tableDir(warehouse, t)), types);
      List<String> actual = canonical(client, TableId.of(BigQueryEmulator.PROJECT, "same_rows", t.baseName()), types);
      assertEquals(expected.size(), actual.size(), t.baseName() + ": rows");
      expected.sort(null);
      actual.sort(null);
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i), actual.get(i), t.baseName() + ": sorted row " + i);
      }
    }
    assertEquals(0, tableCount(client, "same_rows" + "_mdmgen_staging"), "staging tables dropped");
  }

  @Test
  void aRunKilledMidwayLeavesNoTableInTheDataset() throws Exception {
    emulator.createDataset("killed");
    List<String> args = new ArrayList<>(List.of("--total-records", "4e5"));
    args.addAll(emulator.flags("killed"));
    Path dir = work.resolve("killed");
    Process run = Cli.start(dir, args.toArray(String[]::new));
    BigQuery client = emulator.client();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    // Kill it while its tasks write the first table's streams (staged, nothing committed).
    while (tableCount(client, "killed_mdmgen_staging") < 1 && run.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    Thread.sleep(5_000);
    assertTrue(run.isAlive(), () -> "the run ended before it was killed: " + stderr(dir));
    run.descendants().forEach(ProcessHandle::destroyForcibly);
    run.destroyForcibly();
    run.waitFor();
    assertEquals(0, tableCount(client, "killed"), "tables in the dataset after kill -9");

    // The next run into the dataset drops what the killed one staged.
    Cli.Result again = Cli.run(work.resolve("after-kill"), concat(List.of("--total-records", "2000"), emulator.flags("killed")));
    assertEquals(0, again.exit(), "rerun: " + again.stderr());
    assertEquals(Table.values().length, tableCount(client, "killed"));
    assertEquals(0, tableCount(client, "killed_mdmgen_staging"));
  }

  /** Tables carry their world as labels; an append of another world is refused before writing. */
  @Test
  void anAppendOfAnotherWorldIsRefusedAndAnOverwriteRelabels() throws Exception {
    emulator.createDataset("worlds");
    BigQuery client = emulator.client();
    TableId customers = TableId.of(BigQueryEmulator.PROJECT, "worlds", Table.CUSTOMERS.baseName());
    Cli.Result first = Cli.run(work.resolve("worlds-1"), concat(List.of("--total-records", "2000"), emulator.flags("worlds")));
    assertEquals(0, first.exit(), first.stderr().toString());
    assertEquals("42", client.getTable(customers).getLabels().get("mdmgen_seed"));
    long rows = client.getTable(customers).getNumRows().longValue();

    Cli.Result other = Cli.run(work.resolve("worlds-2"), concat(List.of("--total-records", "1000",
        "--write-mode", "append", "--seed", "7"), emulator.flags("worlds")));
    assertEquals(2, other.exit(), other.stderr().toString());
    assertEquals(1, other.stderr().size(), "one line: " + other.stderr());
    assertTrue(other.stderr().get(0).contains("was written with --seed 42, not 7"), other.stderr().get(0));
    assertEquals(rows, client.getTable(customers).getNumRows().longValue(), "nothing appended");

    Cli.Result overwrite = Cli.run(work.resolve("worlds-3"), concat(List.of("--total-records", "1000",
        "--seed", "7"), emulator.flags("worlds")));
    assertEquals(0, overwrite.exit(), overwrite.stderr().toString());
    for (Table t : Table.values()) {
      assertEquals("7", client.getTable(TableId.of(BigQueryEmulator.PROJECT, "worlds", t.baseName()))
          .getLabels().get("mdmgen_seed"), t.baseName() + " relabelled");
    }
    Cli.Result same = Cli.run(work.resolve("worlds-4"), concat(List.of("--total-records", "1000",
        "--write-mode", "append", "--seed", "7"), emulator.flags("worlds")));
    assertEquals(0, same.exit(), same.stderr().toString());
  }

  @Test
  void withoutCredentialsOrEndpointStopsAtOnceNamingTheCredentials() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("GOOGLE_APPLICATION_CREDENTIALS", null);
    env.put("CLOUDSDK_CONFIG", work.resolve("no-gcloud").toString());
    long t0 = System.nanoTime();
    Cli.Result r = Cli.run(work.resolve("no-credentials"), env,
        "--total-records", "1000", "--sink", "bigquery", "--project-id", "p", "--dataset-id", "d");
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(2, r.exit(), r.stderr().toString());
    assertEquals(1, r.stderr().size(), "one line: " + r.stderr());
    assertTrue(r.stderr().get(0).contains("GOOGLE_APPLICATION_CREDENTIALS")
        && r.stderr().get(0).contains("application_default_credentials.json"), r.stderr().get(0));
    assertTrue(seconds < 30, "took " + seconds + " s");
  }

  private static String stderr(Path dir) {
    try {
      return java.nio.file.Files.readString(dir.resolve("stderr.txt"));
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  private static String[] concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all.toArray(String[]::new);
  }

  private static long tableCount(BigQuery client, String dataset) {
    if (client.getDataset(DatasetId.of(BigQueryEmulator.PROJECT, dataset)) == null) {
      return 0;
    }
    return StreamSupport.stream(client.listTables(DatasetId.of(BigQueryEmulator.PROJECT, dataset))
        .iterateAll().spliterator(), false).count();
  }

  /** The column types of the table as written (no customer_id in source tables). */
  private static List<ColumnType> types(Table t) {
    List<ColumnType> types = new ArrayList<>();
    for (Schema.Field f : t.schema().schema().getFields()) {
      if (t.source() == null || !f.name().equals("customer_id")) {
        types.add(ColumnType.of(f));
      }
    }
    return types;
  }

  /** Each row as one string of its values in one form for both readers. */
  private static List<String> canonical(OrcTables.Rows rows, List<ColumnType> types) {
    List<String> out = new ArrayList<>(rows.rows().size());
    for (String[] row : rows.rows()) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        sb.append(value(row[c], types.get(c), true)).append('\u0001');
      }
      out.add(sb.toString());
    }
    return out;
  }

  private static List<String> canonical(BigQuery client, TableId table, List<ColumnType> types) {
    List<String> out = new ArrayList<>();
    TableResult page = client.listTableData(table, BigQuery.TableDataListOption.pageSize(20_000));
    for (FieldValueList row : page.iterateAll()) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        FieldValue v = row.get(c);
        sb.append(value(v.isNull() ? null : v.getStringValue(), types.get(c), false)).append('\u0001');
      }
      out.add(sb.toString());
    }
    return out;
  }

  private static String value(String v, ColumnType type, boolean orc) {
    if (v == null) {
      return "\u0000";
    }
    return switch (type.kind()) {
      case DECIMAL -> new BigDecimal(v).setScale(type.scale()).toPlainString();
      case BOOLEAN -> orc ? String.valueOf(!v.equals("0")) : v;
      case DATE -> orc ? LocalDate.ofEpochDay(Long.parseLong(v)).toString() : v;
      default -> v;
    };
  }
}
