package io.mdmgen.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmgen.cli.Cli;
import io.mdmgen.stream.StreamSandbox;
import io.mdmgen.world.Table;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application jar, spark-submitted to a real standalone cluster (a master and two one-core
 * workers, each its own JVM): a backfill writes the tables a {@code local[1]} run writes, and a
 * stream sends the events a {@code local[1]} run sends, byte for byte. Nothing may depend on
 * driver-local state, unserializable objects or a shared JVM.
 */
class StandaloneClusterIT {
  @TempDir static Path work;
  static SparkCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = SparkCluster.start(work.resolve("cluster"), 2);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theApplicationJarHoldsNoSparkAndRunsUnderSparkSubmit() throws Exception {
    try (JarFile jar = new JarFile(SparkCluster.applicationJar().toFile())) {
      List<String> provided = jar.stream().map(e -> e.getName())
          .filter(n -> n.startsWith("org/apache/spark/") || n.startsWith("scala/")
              || n.startsWith("org/apache/hadoop/") || n.startsWith("com/google/protobuf/")
              || n.startsWith("com/google/common/"))
          .limit(5).toList();
      assertEquals(List.of(), provided, "Spark, Scala and Hadoop are the cluster's; protobuf and Guava relocated");
      assertTrue(jar.getEntry("io/mdmgen/cli/Main.class") != null);
    }
    Cli.Result help = cluster.submit(work.resolve("help"), false, "--help");
    assertEquals(0, help.exit(), help.stderr().toString());
    assertTrue(help.stdout().contains("Usage: mdmgen") && help.stdout().contains("--sink"), help.stdout());
  }

  @Test
  void aBackfillOnTheClusterWritesTheTablesOfALocalRun() throws Exception {
    Path clusterWarehouse = work.resolve("batch-cluster/warehouse");
    Cli.Result onCluster = cluster.submit(work.resolve("batch-cluster"), true,
        "--total-records", "1e6", "--seed", "7", "--warehouse", clusterWarehouse.toUri().toString());
    assertEquals(0, onCluster.exit(), onCluster.stdout() + onCluster.stderr());
    Path localWarehouse = work.resolve("batch-local/warehouse");
    Cli.Result local = Cli.run(work.resolve("batch-local"), "--master", "local[1]",
        "--total-records", "1e6", "--seed", "7", "--warehouse", localWarehouse.toString());
    assertEquals(0, local.exit(), local.stdout() + local.stderr());
    for (Table t : Table.values()) {
      OrcTables.Rows a = OrcTables.read(BatchHiveIT.tableDir(clusterWarehouse, t));
      OrcTables.Rows b = OrcTables.read(BatchHiveIT.tableDir(localWarehouse, t));
      assertEquals(b.columns(), a.columns(), t.baseName());
      assertEquals(b.rows().size(), a.rows().size(), t.baseName() + ": rows");
      assertEquals(digest(b), digest(a), t.baseName() + ": digest of every row");
    }
  }

  @Test
  void aStreamOnTheClusterSendsTheEventsOfALocalRun() throws Exception {
    String[] common = {"--mode", "stream", "--bootstrap-servers", StreamSandbox.get().bootstrapServers(),
        "--schema-registry-url", StreamSandbox.get().schemaRegistryUrl(), "--events-per-second", "2000",
        "--duration", "30s", "--scenario", StreamSandbox.FAST_DEMO.toString(), "--seed", "5"};
    Cli.Result onCluster = cluster.submit(work.resolve("stream-cluster"), true,
        concat(common, "--topic-prefix", "cluster."));
    assertEquals(0, onCluster.exit(), onCluster.stdout() + onCluster.stderr());
    Cli.Result local = Cli.run(work.resolve("stream-local"), concat(common, "--master", "local[1]",
        "--topic-prefix", "local."));
    assertEquals(0, local.exit(), local.stdout() + local.stderr());

    Map<String, String> a = topicDigests("cluster.");
    Map<String, String> b = topicDigests("local.");
    assertEquals(5, a.size());
    assertEquals(b, a, "every topic's records (keys and Avro values, sorted by key and event) equal");
  }

  /** Confluent's deserializer reads every record back; the digest of each topic's records. */
  private static Map<String, String> topicDigests(String prefix) throws Exception {
    StreamSandbox.Verified v = StreamSandbox.verify(work.resolve("verify-" + prefix), prefix);
    assertEquals(0, v.exit(), v.summary().toPrettyString() + v.stderr());
    Map<String, String> out = new HashMap<>();
    v.summary().get("topics").fields().forEachRemaining(e ->
        out.put(e.getKey().substring(prefix.length()), e.getValue().get("records").asText()
            + " records, sha256 " + e.getValue().get("sha256").asText()));
    return out;
  }

  /** SHA-256 of the table's rows, sorted: independent of which task wrote which row. */
  private static String digest(OrcTables.Rows rows) throws Exception {
    List<String> lines = new ArrayList<>(rows.rows().size());
    for (String[] r : rows.rows()) {
      lines.add(String.join("\u0001", java.util.Arrays.stream(r).map(v -> v == null ? "\u0000" : v).toList()));
    }
    lines.sort(null);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (String l : lines) {
      sha.update(l.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
