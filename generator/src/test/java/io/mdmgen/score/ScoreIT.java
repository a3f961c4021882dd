package io.mdmgen.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mdmgen.batch.OrcTables;
import io.mdmgen.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mdmgen score} end to end: a batch run, then bin/mdmgen score on the truth itself, on
 * singletons, on a perturbed prediction whose figures are worked out here by enumerating its
 * pairs, and on bad files.
 */
class ScoreIT {
  @TempDir static Path work;
  static Path warehouse;
  /** The truth's records in id order: source_record_id, source_system, customer_id. */
  static final List<String[]> truth = new ArrayList<>();
  /** Hard-negative pairs as "a b" and their reason. */
  static final Map<String, String> hardNegatives = new HashMap<>();

  @BeforeAll
  static void batchRun() throws Exception {
    warehouse = work.resolve("run/warehouse");
    Cli.Result r = Cli.run(work.resolve("run"), "--total-records", "3e4", "--warehouse", warehouse.toString());
    assertEquals(0, r.exit(), () -> String.join("\n", r.stderr()));
    OrcTables.Rows mt = OrcTables.read(warehouse.resolve("mdm_demo.db/match_truth"));
    for (String[] row : mt.rows()) {
      truth.add(new String[] {row[mt.column("source_record_id")], row[mt.column("source_system")],
          row[mt.column("customer_id")]});
    }
    truth.sort((a, b) -> a[0].compareTo(b[0]));
    OrcTables.Rows hn = OrcTables.read(warehouse.resolve("mdm_demo.db/hard_negatives"));
    for (String[] row : hn.rows()) {
      hardNegatives.put(row[hn.column("customer_id")] + " " + row[hn.column("other_customer_id")],
          row[hn.column("reason")]);
    }
  }

  @Test
  void theTruthItselfScoresOneEverywhere() throws Exception {
    JsonNode s = score("truth", "--predictions-table", "match_truth", "--cluster-column", "customer_id");
    for (String part : new String[] {"pairwise", "b_cubed"}) {
      for (String figure : new String[] {"precision", "recall", "f1"}) {
        assertEquals(1.0, s.path(part).path(figure).asDouble(), part + " " + figure);
      }
    }
    long customers = truth.stream().map(t -> t[2]).distinct().count();
    assertEquals(truth.size(), s.path("records").asLong());
    assertEquals(customers, s.path("clusters").path("exact").asLong());
    assertEquals(0, s.path("pairwise").path("false_pairs").asLong());
    assertEquals(0, s.path("worst_false_merges").size());
    assertEquals(0, s.path("worst_false_splits").size());
  }

  /** Half the records as clusters of their own, the other half left out. */
  @Test
  void singletonsFindNothing() throws Exception {
    Path file = work.resolve("singletons.parquet");
    MessageType schema = MessageTypeParser.parseMessageType(
        "message p { required binary source_record_id (UTF8); required binary cluster_id (UTF8); }");
    Configuration conf = new Configuration();
    org.apache.parquet.hadoop.example.GroupWriteSupport.setSchema(schema, conf);
    SimpleGroupFactory rows = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
        .withConf(conf).withType(schema).build()) {
      for (int i = 0; i < truth.size(); i += 2) {
        w.write(rows.newGroup().append("source_record_id", truth.get(i)[0]).append("cluster_id", "c" + i));
      }
    }
    JsonNode s = score("singletons", "--predictions", file.toString(), "--missing-as-singletons");
    assertEquals(0.0, s.path("pairwise").path("recall").asDouble());
    assertEquals(0.0, s.path("pairwise").path("f1").asDouble());
    assertTrue(s.path("pairwise").path("precision").isNull(), "no predicted pairs: precision undefined");
    assertEquals(1.0, s.path("b_cubed").path("precision").asDouble());
    Map<String, Integer> sizes = new HashMap<>();
    truth.forEach(t -> sizes.merge(t[2], 1, Integer::sum));
    double recall = truth.stream().mapToDouble(t -> 1.0 / sizes.get(t[2])).sum() / truth.size();
    assertEquals(recall, s.path("b_cubed").path("recall").asDouble(), 1e-9);
    assertEquals(truth.size(), s.path("clusters").path("predicted_singletons").asLong());
  }

  /**
   * A prediction that splits some customers, merges a third of the households and some unrelated
   * customers; every figure is worked out here from its pairs.
   */
  @Test
  void aPerturbedPredictionScoresWhatItsPairsSay() throws Exception {
    Map<String, String> clusterOfCustomer = new HashMap<>();
    int k = 0;
    for (String pair : new TreeMap<>(hardNegatives).keySet()) {
      String[] ab = pair.split(" ");
      if (k++ % 3 == 0) {
        clusterOfCustomer.putIfAbsent(ab[1], ab[0]);
      }
    }
    Map<String, String> cluster = new HashMap<>();
    for (int i = 0; i < truth.size(); i++) {
      String[] t = truth.get(i);
      int h = Math.floorMod((t[0] + "/perturb").hashCode(), 100);
      cluster.put(t[0], h < 8 ? "solo-" + t[0]
          : h < 10 ? truth.get((i + 7) % truth.size())[2]
          : clusterOfCustomer.getOrDefault(t[2], t[2]));
    }
    Path file = work.resolve("perturbed.csv");
    StringBuilder csv = new StringBuilder("source_system,source_record_id,cluster_id\n");
    truth.forEach(t -> csv.append(t[1]).append(',').append(t[0]).append(',').append(cluster.get(t[0])).append('\n'));
    Files.writeString(file, csv);

    Map<String, List<String[]>> members = new HashMap<>();
    Map<String, Integer> customerSize = new HashMap<>();
    for (String[] t : truth) {
      members.computeIfAbsent(cluster.get(t[0]), c -> new ArrayList<>()).add(t);
      customerSize.merge(t[2], 1, Integer::sum);
    }
    long predicted = 0;
    long correct = 0;
    double b3Precision = 0;
    double b3Recall = 0;
    Map<String, long[]> byReason = new TreeMap<>();
    Set<String> mergedPairs = new HashSet<>();
    for (List<String[]> m : members.values()) {
      for (int i = 0; i < m.size(); i++) {
        int same = 0;
        for (int j = 0; j < m.size(); j++) {
          if (m.get(i)[2].equals(m.get(j)[2])) {
            same++;
          }
          if (j > i) {
            predicted++;
            String a = m.get(i)[2];
            String b = m.get(j)[2];
            if (a.equals(b)) {
              correct++;
            }
            String reason = hardNegatives.containsKey(a + " " + b) ? hardNegatives.get(a + " " + b)
                : hardNegatives.get(b + " " + a);
            if (reason != null) {
              byReason.computeIfAbsent(reason, x -> new long[2])[1]++;
              if (mergedPairs.add(a.compareTo(b) < 0 ? a + " " + b : b + " " + a)) {
                byReason.get(reason)[0]++;
              }
            }
          }
        }
        b3Precision += (double) same / m.size();
        b3Recall += (double) same / customerSize.get(m.get(i)[2]);
      }
    }
    long truePairs = customerSize.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();

    JsonNode s = score("perturbed", "--predictions", file.toString());
    JsonNode p = s.path("pairwise");
    assertEquals(predicted, p.path("predicted_pairs").asLong());
    assertEquals(truePairs, p.path("true_pairs").asLong());
    assertEquals(correct, p.path("correct_pairs").asLong());
    assertEquals((double) correct / predicted, p.path("precision").asDouble(), 1e-12);
    assertEquals((double) correct / truePairs, p.path("recall").asDouble(), 1e-12);
    assertEquals(b3Precision / truth.size(), s.path("b_cubed").path("precision").asDouble(), 1e-9);
    assertEquals(b3Recall / truth.size(), s.path("b_cubed").path("recall").asDouble(), 1e-9);
    assertEquals(members.size(), s.path("clusters").path("predicted").asLong());
    assertTrue(predicted > correct && truePairs > correct, "the perturbation merges and splits");

    JsonNode hn = s.path("hard_negatives").path("by_reason");
    assertFalse(byReason.isEmpty(), "the perturbation merges households");
    byReason.forEach((reason, v) -> {
      assertEquals(v[0], hn.path(reason).path("merged").asLong(), reason + " merged");
      assertEquals(v[1], hn.path(reason).path("record_pairs").asLong(), reason + " record pairs");
    });
    long onHardNegatives = byReason.values().stream().mapToLong(v -> v[1]).sum();
    assertEquals(onHardNegatives, s.path("hard_negatives").path("false_pairs_on_hard_negatives").asLong());

    JsonNode worst = s.path("worst_false_merges").path(0);
    long worstFalse = members.values().stream().mapToLong(m -> {
      long f = 0;
      for (int i = 0; i < m.size(); i++) {
        for (int j = i + 1; j < m.size(); j++) {
          f += m.get(i)[2].equals(m.get(j)[2]) ? 0 : 1;
        }
      }
      return f;
    }).max().orElseThrow();
    assertEquals(worstFalse, worst.path("false_pairs").asLong());
    JsonNode first = worst.path("members").path(0);
    assertEquals(worst.path("cluster_id").asText(), first.path("cluster_id").asText());
    assertNotNull(first.path("full_name").textValue(), "a worst case shows its records' fields");
    assertEquals(5, s.path("worst_false_splits").size());
  }

  /** Every problem of a file is named in one line: records unknown, missing and named twice. */
  @Test
  void badPredictionsAreOneLineErrors() throws Exception {
    StringBuilder csv = new StringBuilder("source_record_id,cluster_id\n");
    truth.stream().skip(3).forEach(t -> csv.append(t[0]).append(",c\n"));
    csv.append("CRM-NOSUCHRECORD,c\n").append(truth.get(5)[0]).append(",d\n");
    bad("bad", csv.toString(), "--predictions bad.csv: 1 record the truth does not have"
        + " (e.g. CRM-NOSUCHRECORD); 1 record named more than once (e.g. " + truth.get(5)[0]
        + "): give each record one cluster; 3 of the truth's " + String.format("%,d", truth.size())
        + " records missing (e.g. " + truth.get(0)[0] + "); give every record a cluster, or --missing-as-singletons");
    bad("column", "source_record_id,cluster\nCRM-X,1\n", "--predictions column.csv: no column cluster_id"
        + " (it has: source_record_id, cluster); name the cluster column with --cluster-column");
  }

  private static void bad(String name, String csv, String error) throws Exception {
    Path dir = work.resolve(name);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name + ".csv"), csv);
    Cli.Result r = Cli.run(dir, "score", "--warehouse", warehouse.toString(), "--predictions", name + ".csv",
        "--report", dir.resolve("score.json").toString());
    assertEquals(2, r.exit(), () -> String.join("\n", r.stderr()));
    List<String> ours = r.stderr().stream().filter(l -> l.startsWith("mdmgen: ")).toList();
    assertEquals(List.of("mdmgen: " + error), ours);
    assertFalse(Files.exists(dir.resolve("score.json")), "no report for predictions that cannot be scored");
  }

  private static JsonNode score(String name, String... args) throws IOException, InterruptedException {
    Path dir = work.resolve(name);
    List<String> all = new ArrayList<>(List.of("score", "--warehouse", warehouse.toString(),
        "--report", dir.resolve("score.json").toString()));
    all.addAll(List.of(args));
    Cli.Result r = Cli.run(dir, all.toArray(String[]::new));
    assertEquals(0, r.exit(), () -> String.join("\n", r.stderr()));
    assertTrue(r.stdout().startsWith("mdmgen score: "), r.stdout());
    return new ObjectMapper().readTree(dir.resolve("score.json").toFile());
  }
}
