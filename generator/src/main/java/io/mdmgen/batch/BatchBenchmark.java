package io.mdmgen.batch;

import io.mdmgen.sinks.GeneratedRows;
import io.mdmgen.sinks.HiveOrcSink;
import io.mdmgen.sinks.NoopSink;
import io.mdmgen.sinks.WriteMode;
import io.mdmgen.spark.CensusTally;
import io.mdmgen.spark.RepeatedRowSource;
import io.mdmgen.spark.WorldSource;
import io.mdmgen.world.Planner;
import io.mdmgen.world.Scenario;
import io.mdmgen.world.SourceSystem;
import io.mdmgen.world.Table;
import io.mdmgen.world.WorldSpec;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The batch benchmark, one path per JVM, as a run uses one: a JIT that has seen the world model
 * write to two kinds of row sink compiles its calls to them slower (up to 40 % on the ORC path),
 * so each path warms up and is measured in a process of its own.
 *
 * <p>{@code noop}: the three source tables generated to Spark's noop sink, after the floor of
 * that path (a few thousand generated rows per task handed out again and again, so nearly all the
 * time is Spark's). {@code orc}: generated to Hive ORC; the write floor, the same rows computed
 * into ORC batches in memory first (timed too: generation on the ORC path without a file), then
 * written to Hive ORC by the same writer; and for comparison, Spark's own ORC writer on the same
 * rows cached as a Dataset, last, as it has the model write Spark's rows. Run it with
 * scripts/bench-batch; results go to BENCHMARKS.md.
 */
public final class BatchBenchmark {
  private final SparkSession spark;
  private final WorldSpec spec;
  private final Planner.Plan plan;
  private final int cores;
  private final int partitions;
  private final CensusTally tally;

  private BatchBenchmark(SparkSession spark, long total) {
    this.spark = spark;
    this.tally = CensusTally.register(spark);
    this.spec = new WorldSpec(WorldSpec.DEFAULT_SEED, WorldSpec.DEFAULT_AS_OF, Scenario.defaults());
    this.cores = spark.sparkContext().defaultParallelism();
    this.plan = BatchJob.plan(spec, 0, OptionalLong.of(total), OptionalLong.empty());
    this.partitions = BatchJob.partitions(plan.census().records(), cores);
  }

  /** Arguments: noop|orc [RECORDS [WAREHOUSE [MASTER]]]. */
  public static void main(String[] args) {
    String path = args.length > 0 ? args[0] : "";
    if (!path.equals("noop") && !path.equals("orc")) {
      System.err.println("mdmgen benchmark: path '" + path + "' is not noop or orc");
      System.exit(2);
    }
    long total = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    Path warehouse = Path.of(args.length > 2 ? args[2] : "/tmp/mdmgen-bench/warehouse");
    String master = args.length > 3 ? args[3] : "local[*]";
    SparkSession spark = SparkSessions.hive(master, warehouse, "zstd");
    try {
      BatchBenchmark bench = new BatchBenchmark(spark, total);
      if (path.equals("noop")) {
        bench.noop();
      } else {
        bench.orc();
      }
    } finally {
      spark.stop();
    }
  }

  private void noop() {
    NoopSink noop = new NoopSink();
    // JIT warm-up on a small extent: the figures are for the steady state a long run is in.
    Planner.Plan small = smallPlan();
    for (SourceSystem s : SourceSystem.values()) {
      noop.stage(WorldSource.read(spark, Table.of(s), spec, small.extent(), cores, false));
    }
    double rowPath = 0;
    double generate = 0;
    for (SourceSystem s : SourceSystem.values()) {
      Table t = Table.of(s);
      long count = plan.census().records(s);
      rowPath += time(() -> noop.stage(RepeatedRowSource.read(
          spark, t, spec, plan.extent(), partitions, count)));
      generate += time(() -> noop.stage(
          WorldSource.read(spark, t, spec, plan.extent(), partitions, false)));
    }
    long n = plan.census().records();
    System.out.printf("source records: %,d (%d partitions, %d cores, 22-24 columns per row)%n", n, partitions, cores);
    System.out.printf("repeated rows -> noop        %,10.0f rows/s  (%.1f s)  Spark's row path: noop floor%n",
        n / rowPath, rowPath);
    System.out.printf("generate -> noop             %,10.0f rows/s  (%.1f s)  Spark rows%n", n / generate, generate);
  }

  private void orc() {
    HiveOrcSink orc = new HiveOrcSink(spark, new HiveOrcSink.Options("mdmgen_bench", WriteMode.overwrite, java.util.Map.of()));
    Planner.Plan small = smallPlan();
    for (SourceSystem s : SourceSystem.values()) {
      Table t = Table.of(s);
      orc.stage(t.baseName() + "_warm_up", WorldSource.rows(t, spec, small.extent(), cores, false, tally));
    }
    double write = 0;
    double compute = 0;
    double floor = 0;
    double sparkFloor = 0;
    for (SourceSystem s : SourceSystem.values()) {
      Table t = Table.of(s);
      write += time(() -> orc.stage(t.baseName(), generated(t)));
      MemoryRows[] memory = new MemoryRows[1];
      compute += time(() -> memory[0] = MemoryRows.of(spark, generated(t)));
      try (MemoryRows cached = memory[0]) {
        floor += time(() -> orc.stage(t.baseName() + "_floor", cached));
      }
    }
    for (SourceSystem s : SourceSystem.values()) {
      Table t = Table.of(s);
      Dataset<Row> cached = WorldSource.read(spark, t, spec, plan.extent(), partitions, false).cache();
      cached.count();
      sparkFloor += time(() -> orc.stage(t.baseName() + "_spark_floor", cached));
      cached.unpersist(true);
    }
    orc.abort();
    long n = plan.census().records();
    System.out.printf("generate -> ORC batches      %,10.0f rows/s  (%.1f s)  in memory, no file%n",
        n / compute, compute);
    System.out.printf("generate -> Hive ORC         %,10.0f rows/s  (%.1f s)%n", n / write, write);
    System.out.printf("in memory -> Hive ORC        %,10.0f rows/s  (%.1f s)  write floor%n", n / floor, floor);
    System.out.printf("ORC vs floor                 %10.0f %%%n", 100 * floor / write);
    System.out.printf("cached -> Spark's ORC writer %,10.0f rows/s  (%.1f s)  for comparison%n",
        n / sparkFloor, sparkFloor);
  }

  private GeneratedRows generated(Table t) {
    return WorldSource.rows(t, spec, plan.extent(), partitions, false, tally);
  }

  private Planner.Plan smallPlan() {
    return BatchJob.plan(spec, 0, OptionalLong.of(1_000_000), OptionalLong.empty());
  }

  private static double time(Runnable r) {
    // Start each measurement from a collected heap: the gigabytes an earlier stage cached would
    // otherwise be collected during this one, on the same two cores.
    System.gc();
    long t0 = System.nanoTime();
    r.run();
    return (System.nanoTime() - t0) / 1e9;
  }
}
