package io.mdmgen.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmgen.cli.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.mdmgen.world.Column;
import io.mdmgen.world.Master;
import io.mdmgen.world.RecordingSink;
import io.mdmgen.world.Corruption;
import io.mdmgen.world.Scenario;
import io.mdmgen.world.SourceRates;
import io.mdmgen.world.SourceSystem;
import io.mdmgen.world.Table;
import io.mdmgen.world.World;
import io.mdmgen.world.WorldSpec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch backfill end to end: bin/mdmgen in its own JVM, Spark's Hive support on an embedded
 * Derby metastore, and the ORC files it leaves read back with the ORC library alone.
 */
class BatchHiveIT {
  static final long TOTAL = 1_000_000;
  static final double TOLERANCE = 0.005;

  @TempDir static Path work;
  static Path warehouse;
  static Map<Table, OrcTables.Rows> tables = new LinkedHashMap<>();
  static JsonNode report;

  @BeforeAll
  static void backfill() throws Exception {
    warehouse = work.resolve("a/warehouse");
    Cli.Result r = Cli.run(work.resolve("a"), "--mode", "batch", "--total-records", "1e6",
        "--warehouse", warehouse.toString());
    assertEquals(0, r.exit(), () -> String.join("\n", r.stderr()));
    for (Table t : Table.values()) {
      tables.put(t, OrcTables.read(tableDir(warehouse, t)));
    }
    report = new ObjectMapper().readTree(work.resolve("a/run-report.json").toFile());
  }

  static Path tableDir(Path warehouse, Table t) {
    return warehouse.resolve("mdm_demo.db").resolve(t.baseName());
  }

  @Test
  void sourceTablesHoldExactlyTheTotalAndTruthCoversEveryRecordOnce() {
    long sources = 0;
    Set<String> truth = new HashSet<>();
    OrcTables.Rows mt = tables.get(Table.MATCH_TRUTH);
    for (String[] row : mt.rows()) {
      assertTrue(truth.add(row[mt.column("source_system")] + "/" + row[mt.column("source_record_id")]),
          "one truth row per record");
    }
    for (SourceSystem s : SourceSystem.values()) {
      OrcTables.Rows t = tables.get(Table.of(s));
      assertFalse(t.columns().contains("customer_id"), "no truth in source tables by default");
      Set<String> ids = new HashSet<>();
      for (String[] row : t.rows()) {
        String id = row[t.column("source_record_id")];
        assertTrue(ids.add(id), "source_record_id unique in " + s);
        assertEquals(s.code(), row[t.column("source_system")]);
        assertTrue(truth.contains(s.code() + "/" + id), id + " has its match_truth row");
      }
      sources += t.rows().size();
    }
    assertEquals(TOTAL, sources);
    assertEquals(TOTAL, mt.rows().size());
    assertEquals(report.get("customers").asLong(), tables.get(Table.CUSTOMERS).rows().size());
  }

  static final List<String> OPTIONAL = List.of("email", "phone", "address", "date_of_birth",
      "company", "job_title");

  @Test
  void realizedRatesAreWithinHalfAPointOfTheScenario() {
    Scenario scenario = Scenario.defaults();
    OrcTables.Rows golden = tables.get(Table.CUSTOMERS);
    Map<String, String> domainOf = new HashMap<>();
    Map<String, String[]> goldenOf = new HashMap<>();
    for (String[] row : golden.rows()) {
      domainOf.put(row[golden.column("customer_id")], row[golden.column("email")].split("@")[1]);
      goldenOf.put(row[golden.column("customer_id")], row);
    }
    Map<String, String> masterOf = truth();
    for (SourceSystem s : SourceSystem.values()) {
      SourceRates rates = scenario.rates(s);
      OrcTables.Rows t = tables.get(Table.of(s));
      Map<String, Integer> copies = new HashMap<>();
      long missing = 0;
      long changed = 0;
      long emails = 0;
      for (String[] row : t.rows()) {
        String master = masterOf.get(s.code() + "/" + row[t.column("source_record_id")]);
        copies.merge(master, 1, Integer::sum);
        // Missing: a value the master has and this record lacks (not the income, which each
        // system may or may not have been told).
        String[] g = goldenOf.get(master);
        missing += OPTIONAL.stream().anyMatch(c -> row[t.column(c)] == null
            && g[golden.column(c)] != null) ? 1 : 0;
        String email = row[t.column("email")];
        if (email != null) {
          emails++;
          changed += email.split("@")[1].equals(domainOf.get(master)) ? 0 : 1;
        }
      }
      double customers = golden.rows().size();
      assertEquals(rates.coverage(), copies.size() / customers, TOLERANCE, s + " coverage");
      for (int k = 1; k <= rates.copies().length; k++) {
        int n = k;
        long masters = copies.values().stream().filter(c -> c == n).count();
        assertEquals(rates.copies()[k - 1], masters / (double) copies.size(), TOLERANCE, s + " copies=" + k);
      }
      assertEquals(rates.missing(), missing / (double) t.rows().size(), TOLERANCE, s + " missing");
      assertEquals(rates.emailDomainChange(), changed / (double) emails, TOLERANCE, s + " domain change");

      JsonNode reported = report.get("sources").get(s.code());
      List<String> reportedRates = new java.util.ArrayList<>(List.of("coverage", "name_variation",
          "email_domain_change"));
      for (Corruption.Kind k : Corruption.Kind.values()) {
        reportedRates.add(k.key());
      }
      for (String rate : reportedRates) {
        JsonNode r = reported.get(rate);
        assertEquals(r.get("configured").asDouble(), r.get("realized").asDouble(), TOLERANCE, s + " " + rate);
      }
    }
  }

  @Test
  void noTwoRecordsOfOneMasterInOneSourceAreIdenticalApartFromIds() {
    Map<String, String> masterOf = truth();
    for (SourceSystem s : SourceSystem.values()) {
      OrcTables.Rows t = tables.get(Table.of(s));
      int id = t.column("source_record_id");
      Set<String> seen = new HashSet<>();
      for (String[] row : t.rows()) {
        String[] rest = row.clone();
        rest[id] = masterOf.get(s.code() + "/" + row[id]);
        assertTrue(seen.add(String.join("\u0001", Arrays.stream(rest).map(String::valueOf).toList())),
            "a clone in " + s + ": " + Arrays.toString(row));
      }
    }
  }

  @Test
  void goldenCustomersAreCoherent() throws Exception {
    Map<String, String[]> places = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        Scenario.class.getResourceAsStream("places.csv"), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        String[] p = line.split(",");
        places.put(p[0], p);
      }
    }
    PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    OrcTables.Rows g = tables.get(Table.CUSTOMERS);
    for (String[] row : g.rows()) {
      String[] place = places.get(row[g.column("zip_code")]);
      assertNotNull(place, row[g.column("zip_code")]);
      assertEquals(place[1], row[g.column("city")]);
      assertEquals(place[2], row[g.column("state")]);
      String phone = row[g.column("phone")];
      assertTrue(phone.matches("\\+1[2-9]\\d{2}[2-9]\\d{6}"), phone);
      assertTrue(phones.isValidNumber(phones.parse(phone, "US")), phone);
      String first = row[g.column("first_name")].toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
      String last = row[g.column("last_name")].toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
      String local = row[g.column("email")].split("@")[0].replaceAll("\\d+$", "");
      assertTrue(Set.of(first + "." + last, first + last, first.charAt(0) + last, first + "_" + last,
          first + last.charAt(0)).contains(local), row[g.column("email")]);
    }
  }

  @Test
  void everyValueSurvivesSparkAndOrcAsTheWorldModelMadeIt() {
    World world = new WorldSpec(WorldSpec.DEFAULT_SEED, WorldSpec.DEFAULT_AS_OF, Scenario.defaults()).world();
    OrcTables.Rows g = tables.get(Table.CUSTOMERS);
    Master m = new Master();
    RecordingSink expected = new RecordingSink();
    for (String[] row : g.rows()) {
      long index = Long.parseLong(row[g.column("customer_id")].substring("CUST-".length()));
      world.master(index, m);
      world.writeMaster(m, expected.clear());
      for (int c = 0; c < row.length; c++) {
        Object want = expected.row.get(Column.named(g.columns().get(c)));
        String got = row[c];
        if (want instanceof LocalDate d) {
          assertEquals(d, got.matches("-?\\d+") ? LocalDate.ofEpochDay(Long.parseLong(got)) : LocalDate.parse(got));
        } else if (want instanceof BigDecimal d) {
          assertEquals(0, d.compareTo(new BigDecimal(got)), got);
        } else if (want instanceof Boolean v) {
          assertEquals(v ? "1" : "0", got.equals("true") ? "1" : got.equals("false") ? "0" : got);
        } else {
          assertEquals(want, got, g.columns().get(c));
        }
      }
    }
  }

  @Test
  void otherPartitioningsAndOneCoreGiveIdenticalTables() throws Exception {
    Map<Table, String> expected = digests(tables);
    String[][] variants = {{"--partitions", "7"}, {"--master", "local[1]", "--partitions", "3"}};
    for (int v = 0; v < variants.length; v++) {
      Path dir = work.resolve("variant" + v);
      List<String> args = new ArrayList<>(List.of("--total-records", "1_000_000", "--warehouse",
          dir.resolve("warehouse").toString()));
      args.addAll(List.of(variants[v]));
      Cli.Result r = Cli.run(dir, args.toArray(String[]::new));
      assertEquals(0, r.exit(), () -> String.join("\n", r.stderr()));
      Map<Table, OrcTables.Rows> other = new LinkedHashMap<>();
      for (Table t : Table.values()) {
        other.put(t, OrcTables.read(tableDir(dir.resolve("warehouse"), t)));
      }
      assertEquals(expected, digests(other), "tables with " + List.of(variants[v]));
    }
  }

  private static Map<String, String> truth() {
    OrcTables.Rows mt = tables.get(Table.MATCH_TRUTH);
    Map<String, String> masterOf = new HashMap<>();
    for (String[] row : mt.rows()) {
      masterOf.put(row[mt.column("source_system")] + "/" + row[mt.column("source_record_id")],
          row[mt.column("customer_id")]);
    }
    return masterOf;
  }

  /** Per table, a digest of its sorted rows: equal digests mean equal row sets, field by field. */
  private static Map<Table, String> digests(Map<Table, OrcTables.Rows> t) throws Exception {
    Map<Table, String> out = new LinkedHashMap<>();
    for (Map.Entry<Table, OrcTables.Rows> e : t.entrySet()) {
      List<String> rows = new ArrayList<>(e.getValue().rows().size());
      for (String[] row : e.getValue().rows()) {
        rows.add(String.join("\u0001", Arrays.stream(row).map(String::valueOf).toList()));
      }
      rows.sort(null);
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String row : rows) {
        md.update(row.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      out.put(e.getKey(), e.getValue().rows().size() + ":" + HexFormat.of().formatHex(md.digest()));
    }
    return out;
  }
}
