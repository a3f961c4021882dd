package io.mdmgen.score;

import static org.apache.spark.sql.functions.asc;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.mdmgen.world.SourceSystem;
import io.mdmgen.world.Table;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;

/**
 * Scores a matcher's clusters against a batch run's truth with Spark. Every figure is a sum over
 * groups: pairs in a predicted cluster are C(n, 2) of its size, true pairs C(n, 2) of a
 * customer's, correct pairs C(n, 2) of each (cluster, customer) group; B-cubed sums the squared
 * group sizes over each cluster's and each customer's size. So no pair is ever formed and the
 * work grows with the records, not their square.
 */
public final class ScoreJob {
  /**
   * Records per shuffle partition. Spark's default, 200 partitions whatever the size, makes a run
   * of 50,000 records take 40 s; a million per task keeps each task's share in memory.
   */
  static final long RECORDS_PER_PARTITION = 1_000_000;
  /** Records shown per worst cluster or customer. */
  static final int SHOWN_RECORDS = 20;
  /** Cluster id given to a record the predictions leave out, with --missing-as-singletons. */
  static final String SINGLETON = "mdmgen-singleton:";
  /** The columns shown for a worst case's records. */
  static final List<String> SHOWN_FIELDS = List.of("full_name", "date_of_birth", "address", "city",
      "state", "zip_code", "email", "phone");

  /**
   * @param database where the run's tables are
   * @param tableSuffix the run's --table-suffix
   * @param predictions the matcher's output
   * @param missingAsSingletons whether records the predictions leave out are singletons (else an error)
   * @param worst how many worst false merges and false splits to show
   */
  public record Options(String database, String tableSuffix, Predictions predictions,
      boolean missingAsSingletons, int worst) {}

  /** The run to score against is not there; the message names the flag that points at it. */
  public static final class NoRun extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoRun(String message) {
      super(message);
    }
  }

  private ScoreJob() {}

  public static ScoreReport run(SparkSession spark, Options o, PrintStream progress) {
    long started = System.nanoTime();
    String truthTable = table(spark, o, Table.MATCH_TRUTH);
    String hardNegativeTable = table(spark, o, Table.HARD_NEGATIVES);
    Dataset<Row> predictions = o.predictions().read(spark, o.database());
    long truthRecords = spark.table(truthTable).count();
    spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(Math.max(
        2L * spark.sparkContext().defaultParallelism(), truthRecords / RECORDS_PER_PARTITION)));
    // The cached record ids barely compress, and compressing them costs a fifth of the run.
    spark.conf().set("spark.sql.inMemoryColumnarStorage.compressed", "false");
    progress.println("mdmgen score: matching " + o.predictions().describe() + " with " + truthTable + "...");

    // Aggregates here keep only numbers in their buffers: a string buffer (min, first) turns
    // Spark's hash aggregate into a sort of every row.
    Row repeats = predictions.groupBy("rid").agg(count(lit(1)).as("times"))
        .agg(sum(when(col("rid").isNull(), col("times")).otherwise(0)),
            sum(when(col("rid").isNotNull().and(col("times").gt(1)), 1).otherwise(0)),
            min(when(col("rid").isNotNull().and(col("times").gt(1)), col("rid")))).first();
    Dataset<Row> truth = spark.table(truthTable).select(col("source_record_id").as("tid"),
        col("source_system").as("system"), col("customer_id").as("customer"));
    Dataset<Row> joined = predictions.join(truth.hint("shuffle_hash"),
            predictions.col("rid").equalTo(truth.col("tid")), "full_outer")
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      check(joined, repeats, truthRecords, o);
      Dataset<Row> records = joined.where(col("tid").isNotNull())
          .select(coalesce(col("cid"), concat(lit(SINGLETON), col("tid"))).as("cid"), col("customer"),
              col("tid").as("rid"), col("system"));
      progress.println("mdmgen score: counting pairs...");
      Dataset<Row> groups = records.groupBy("cid", "customer").agg(count(lit(1)).as("n"))
          .persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> clusters = sides(groups, "cid");
      Dataset<Row> customers = sides(groups, "customer");
      try {
        Row ct = totals(clusters);
        Row kt = totals(customers);
        long n = ct.getLong(0);
        PairCounts pairs = new PairCounts(ct.getLong(3) / 2, ct.getLong(2) / 2, kt.getLong(2) / 2);
        BCubed bCubed = new BCubed(ct.getDouble(4), kt.getDouble(4), n);
        // A group that is all of its cluster and all of its customer.
        long exact = groups
            .join(clusters.where("parts = 1").select(col("cid")).hint("shuffle_hash"), "cid")
            .join(customers.where("parts = 1").select(col("customer")).hint("shuffle_hash"), "customer")
            .count();
        progress.println("mdmgen score: hard negatives and worst cases...");
        List<ScoreReport.HardNegatives> hard = hardNegatives(spark, hardNegativeTable, groups, customers);
        List<Row> merges = worst(clusters, o.worst());
        List<Row> splits = worst(customers, o.worst());
        List<Row> mergeRecords = members(records, "cid", "customer", merges);
        List<Row> splitRecords = members(records, "customer", "cid", splits);
        Map<String, Map<String, String>> fields = fields(spark, o, mergeRecords, splitRecords);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new ScoreReport(truthTable, o.predictions().describe(), pairs, bCubed,
            new ScoreReport.Clusters(ct.getLong(1), ct.getLong(5), ct.getLong(6), ct.getLong(7)),
            new ScoreReport.Clusters(kt.getLong(1), kt.getLong(5), kt.getLong(6), kt.getLong(7)),
            exact, hard, groups(merges, mergeRecords, "cid", fields),
            groups(splits, splitRecords, "customer", fields), seconds);
      } finally {
        clusters.unpersist();
        customers.unpersist();
        groups.unpersist();
      }
    } finally {
      joined.unpersist();
    }
  }

  /** The run's table {@code t}; a one-line error if the run did not write it. */
  private static String table(SparkSession spark, Options o, Table t) {
    String name = t.baseName() + o.tableSuffix();
    if (!spark.catalog().databaseExists(o.database())) {
      throw new NoRun("--database " + o.database() + ": no such database here");
    }
    if (!spark.catalog().tableExists(o.database(), name)) {
      throw new NoRun("--table-suffix '" + o.tableSuffix() + "': no table " + o.database()
          + "." + name + " (give the --database and --table-suffix of the batch run)");
    }
    return "`" + o.database() + "`.`" + name + "`";
  }

  /**
   * Throws {@link BadPredictions} naming every problem: rows without an id, records the truth
   * lacks, records named twice ({@code repeats}: rows without an id, records named more than
   * once and one of them), another source system, no cluster, records missing.
   */
  private static void check(Dataset<Row> joined, Row repeats, long truthRecords, Options o) {
    org.apache.spark.sql.Column unknown = col("rid").isNotNull().and(col("tid").isNull());
    org.apache.spark.sql.Column missing = col("rid").isNull().and(col("tid").isNotNull());
    org.apache.spark.sql.Column otherSystem = col("psys").isNotNull().and(col("tid").isNotNull())
        .and(lower(col("psys")).notEqual(col("system")));
    org.apache.spark.sql.Column noCluster = col("rid").isNotNull().and(col("cid").isNull());
    Row c = joined.agg(
        sum(when(unknown, 1).otherwise(0)), min(when(unknown, col("rid"))),
        sum(when(missing, 1).otherwise(0)), min(when(missing, col("tid"))),
        sum(when(otherSystem, 1).otherwise(0)), min(when(otherSystem, col("rid"))),
        sum(when(noCluster, 1).otherwise(0)), min(when(noCluster, col("rid")))).first();
    List<String> problems = new ArrayList<>();
    if (repeats.getLong(0) > 0) {
      problems.add(counted(repeats.getLong(0), "row") + " without a source_record_id");
    }
    if (c.getLong(0) > 0) {
      problems.add(counted(c.getLong(0), "record") + " the truth does not have (e.g. " + c.getString(1) + ")");
    }
    if (repeats.getLong(1) > 0) {
      problems.add(counted(repeats.getLong(1), "record") + " named more than once (e.g. " + repeats.getString(2)
          + "): give each record one cluster");
    }
    if (c.getLong(4) > 0) {
      problems.add(counted(c.getLong(4), "record") + " with another source_system than the truth's (e.g. "
          + c.getString(5) + ")");
    }
    if (c.getLong(6) > 0) {
      problems.add(counted(c.getLong(6), "record") + " without a cluster id (e.g. " + c.getString(7) + ")");
    }
    if (c.getLong(2) > 0 && !o.missingAsSingletons()) {
      problems.add(String.format("%,d of the truth's %,d records missing (e.g. %s); give every record a"
          + " cluster, or --missing-as-singletons", c.getLong(2), truthRecords, c.getString(3)));
    }
    if (!problems.isEmpty()) {
      throw new BadPredictions(String.join("; ", problems));
    }
  }

  private static String counted(long n, String noun) {
    return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  /**
   * Per cluster (or per customer): its size, the sum of its groups' squared sizes, how many of
   * the other side it holds, and twice its correct pairs.
   */
  private static Dataset<Row> sides(Dataset<Row> groups, String key) {
    return groups.groupBy(key).agg(sum("n").as("size"), sum(expr("n * n")).as("squares"),
            count(lit(1)).as("parts"), sum(expr("n * (n - 1)")).as("correct2"))
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  /**
   * One side's totals: records, clusters, twice its pairs, twice the correct pairs, its B-cubed
   * sum, singletons, clusters of one part, largest.
   */
  private static Row totals(Dataset<Row> side) {
    return side.agg(sum("size").cast("long"), count(lit(1)), sum(expr("size * (size - 1)")).cast("long"),
        sum("correct2").cast("long"), sum(expr("squares / size")).cast("double"),
        sum(when(col("size").equalTo(1), 1).otherwise(0)).cast("long"),
        sum(when(col("parts").equalTo(1), 1).otherwise(0)).cast("long"),
        coalesce(max("size"), lit(0L)).cast("long")).first();
  }

  /** The {@code limit} keys with the most wrong pairs, most first (ties by key). */
  private static List<Row> worst(Dataset<Row> side, int limit) {
    if (limit == 0) {
      return List.of();
    }
    String key = side.columns()[0];
    return side.where("parts > 1")
        .select(col(key), col("size"), col("parts"), expr("(size * (size - 1) - correct2) div 2").as("wrong"))
        .orderBy(desc("wrong"), asc(key)).limit(limit).collectAsList();
  }

  /** The first {@link #SHOWN_RECORDS} records of each of {@code keys}, ordered by the other side. */
  private static List<Row> members(Dataset<Row> records, String key, String other, List<Row> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    Object[] ids = keys.stream().map(r -> r.get(0)).toArray();
    return records.where(col(key).isin(ids))
        .withColumn("at", row_number().over(Window.partitionBy(key).orderBy(col(other), col("rid"))))
        .where(col("at").leq(SHOWN_RECORDS)).orderBy(col(key), col("at"))
        .select("rid", "system", "cid", "customer").collectAsList();
  }

  /** The shown columns of these records, as their source tables hold them. */
  private static Map<String, Map<String, String>> fields(SparkSession spark, Options o, List<Row> a, List<Row> b) {
    Map<String, Map<String, String>> out = new HashMap<>();
    List<Object> ids = new ArrayList<>();
    a.forEach(r -> ids.add(r.getString(0)));
    b.forEach(r -> ids.add(r.getString(0)));
    if (ids.isEmpty()) {
      return out;
    }
    Dataset<Row> all = null;
    for (SourceSystem s : SourceSystem.values()) {
      String name = "`" + o.database() + "`.`" + s.table() + o.tableSuffix() + "`";
      List<org.apache.spark.sql.Column> columns = new ArrayList<>();
      columns.add(col("source_record_id"));
      SHOWN_FIELDS.forEach(f -> columns.add(col(f).cast("string")));
      Dataset<Row> rows = spark.table(name).where(col("source_record_id").isin(ids.toArray()))
          .select(columns.toArray(org.apache.spark.sql.Column[]::new));
      all = all == null ? rows : all.unionAll(rows);
    }
    for (Row r : all.collectAsList()) {
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < SHOWN_FIELDS.size(); i++) {
        values.put(SHOWN_FIELDS.get(i), r.getString(i + 1));
      }
      out.put(r.getString(0), values);
    }
    return out;
  }

  private static List<ScoreReport.Group> groups(List<Row> worst, List<Row> members, String key,
      Map<String, Map<String, String>> fields) {
    int k = key.equals("cid") ? 2 : 3;
    List<ScoreReport.Group> out = new ArrayList<>();
    for (Row w : worst) {
      String id = w.getString(0);
      List<ScoreReport.Member> shown = members.stream().filter(m -> id.equals(m.getString(k)))
          .map(m -> new ScoreReport.Member(m.getString(0), m.getString(1), m.getString(2), m.getString(3),
              fields.getOrDefault(m.getString(0), Map.of())))
          .toList();
      out.add(new ScoreReport.Group(id, w.getLong(1), w.getLong(2), w.getLong(3), shown));
    }
    return out;
  }

  /**
   * Per reason: the truth's hard-negative pairs whose customers both have scored records, how many
   * of them the matcher merged, and the record pairs those merges make.
   */
  private static List<ScoreReport.HardNegatives> hardNegatives(SparkSession spark, String table,
      Dataset<Row> groups, Dataset<Row> customers) {
    Dataset<Row> pairs = spark.table(table).select(col("customer_id").as("a"),
        col("other_customer_id").as("b"), col("reason"));
    Dataset<Row> scored = pairs.join(customers.select(col("customer").as("a")).hint("shuffle_hash"), "a")
        .join(customers.select(col("customer").as("b")).hint("shuffle_hash"), "b");
    Map<String, long[]> byReason = new java.util.TreeMap<>();
    for (Row r : scored.groupBy("reason").agg(count(lit(1))).collectAsList()) {
      byReason.computeIfAbsent(r.getString(0), x -> new long[3])[0] = r.getLong(1);
    }
    Dataset<Row> merged = pairs
        .join(groups.select(col("cid"), col("customer").as("a"), col("n").as("na")).hint("shuffle_hash"), "a")
        .join(groups.select(col("cid"), col("customer").as("b"), col("n").as("nb")).hint("shuffle_hash"),
            scala.jdk.javaapi.CollectionConverters.asScala(List.of("cid", "b")).toSeq())
        .groupBy("a", "b", "reason").agg(sum(expr("na * nb")).as("record_pairs"))
        .groupBy("reason").agg(count(lit(1)), sum("record_pairs").cast("long"));
    for (Row r : merged.collectAsList()) {
      long[] v = byReason.computeIfAbsent(r.getString(0), x -> new long[3]);
      v[1] = r.getLong(1);
      v[2] = r.getLong(2);
    }
    List<ScoreReport.HardNegatives> out = new ArrayList<>();
    byReason.forEach((reason, v) -> out.add(new ScoreReport.HardNegatives(reason, v[0], v[1], v[2])));
    return out;
  }
}
