package io.mdmgen.batch;

import io.mdmgen.sinks.TableSink;
import io.mdmgen.spark.SparkCensus;
import io.mdmgen.spark.SparkSchemas;
import io.mdmgen.spark.WorldSource;
import io.mdmgen.world.Census;
import io.mdmgen.world.Planner;
import io.mdmgen.world.SourceSystem;
import io.mdmgen.world.Table;
import io.mdmgen.world.WorldSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.spark.sql.SparkSession;

/**
 * The backfill: plans the exact extent of the world, writes the five tables through a
 * {@link TableSink} (staged, then committed together) and reports what was written.
 */
public final class BatchJob {
  /** Default partition size: enough rows per task to amortise it, few enough to show progress. */
  static final long ROWS_PER_PARTITION = 2_000_000;
  /** Below this many masters the census runs on the driver; above it, as a Spark job. */
  private static final long LOCAL_CENSUS_MASTERS = 20_000_000;
  /** How long to wait for the listener to count a finished table's last tasks. */
  private static final long LISTENER_WAIT_MILLIS = 10_000;

  /**
   * What to write.
   *
   * @param firstMaster index of the first master (non-zero when appending to an earlier run)
   * @param partitions Spark partitions per table; 0 to size them from the row count
   */
  public record Options(WorldSpec spec, OptionalLong totalRecords, OptionalLong uniqueCustomers,
      long firstMaster, int partitions, String tableSuffix, boolean embedTruth) {}

  private BatchJob() {}

  /**
   * Partitions per table for {@code records} source records on {@code cores}: about one per
   * {@link #ROWS_PER_PARTITION} records, at least two per core, and a whole number of waves so
   * that no core idles through a last, half-empty wave.
   */
  static int partitions(long records, int cores) {
    long wanted = Math.max(2L * cores, (records + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION);
    return (int) Math.min(Integer.MAX_VALUE, (wanted + cores - 1) / cores * cores);
  }

  /**
   * Before Spark starts: fails if {@code uniqueCustomers} (from master 0) cannot hold
   * {@code totalRecords}, where counting them on this JVM takes a moment (a million customers).
   */
  public static void checkCapacity(WorldSpec spec, OptionalLong totalRecords, OptionalLong uniqueCustomers) {
    if (totalRecords.isPresent() && uniqueCustomers.isPresent() && uniqueCustomers.getAsLong() <= 1_000_000) {
      new Planner(spec, Planner.LOCAL, Runtime.getRuntime().availableProcessors())
          .plan(0, totalRecords, uniqueCustomers);
    }
  }

  /** The extent of the run, counted on the driver when small and as a Spark job when not. */
  static Planner.Plan plan(SparkSession spark, WorldSpec spec, long firstMaster,
      OptionalLong totalRecords, OptionalLong uniqueCustomers) {
    double perMaster = spec.scenario().recordsPerMaster();
    long estimate = uniqueCustomers.orElse((long) (totalRecords.orElse(0) / Math.max(perMaster, 1e-9)));
    Planner.ChunkCounter counter = estimate <= LOCAL_CENSUS_MASTERS ? Planner.LOCAL : new SparkCensus(spark);
    return new Planner(spec, counter, spark.sparkContext().defaultParallelism())
        .plan(firstMaster, totalRecords, uniqueCustomers);
  }

  public static RunReport run(SparkSession spark, Options o, TableSink sink) {
    long started = System.nanoTime();
    int parallelism = spark.sparkContext().defaultParallelism();
    Planner.Plan plan = plan(spark, o.spec(), o.firstMaster(), o.totalRecords(), o.uniqueCustomers());
    Census census = plan.census();

    Map<Table, Long> rows = new LinkedHashMap<>();
    rows.put(Table.CUSTOMERS, plan.extent().masters());
    for (SourceSystem s : SourceSystem.values()) {
      rows.put(Table.of(s), census.records(s));
    }
    rows.put(Table.MATCH_TRUTH, census.records());
    rows.put(Table.HARD_NEGATIVES, census.householdPairs());
    long total = rows.values().stream().mapToLong(Long::longValue).sum();
    int partitions = Math.min(sink.maxPartitions(),
        o.partitions() > 0 ? o.partitions() : partitions(census.records(), parallelism));

    for (Table t : rows.keySet()) {
      sink.check(t.baseName() + o.tableSuffix(), SparkSchemas.of(t, o.embedTruth()));
    }
    System.err.printf("mdmgen: %,d source records of %,d customers (masters %,d..%,d), %d partitions%n",
        census.records(), plan.extent().masters(), plan.extent().firstMaster(),
        plan.extent().endMaster() - 1, partitions);
    Map<Table, Double> seconds = new LinkedHashMap<>();
    try (RowProgress progress = new RowProgress(spark.sparkContext(), "mdmgen batch", total)) {
      for (Map.Entry<Table, Long> e : rows.entrySet()) {
        Table t = e.getKey();
        String name = t.baseName() + o.tableSuffix();
        progress.describe(name);
        long before = progress.rows();
        long t0 = System.nanoTime();
        spark.sparkContext().setJobDescription("mdmgen: write " + name);
        sink.stage(name, WorldSource.rows(t, o.spec(), plan.extent(), partitions, o.embedTruth()));
        seconds.put(t, (System.nanoTime() - t0) / 1e9);
        long written = progress.awaitRows(before + e.getValue(), LISTENER_WAIT_MILLIS) - before;
        if (written != e.getValue()) {
          throw new IllegalStateException(name + ": wrote " + written + " rows, planned " + e.getValue());
        }
      }
      sink.commit();
    } catch (Throwable e) { // Spark's SparkException is checked, and Scala throws it undeclared
      try {
        sink.abort();
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup); // the run's own failure is the one to report
      }
      throw e;
    }
    return new RunReport(o, plan, rows, seconds, (System.nanoTime() - started) / 1e9, sink);
  }
}
