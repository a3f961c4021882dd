package io.mdmgen.batch;

import io.mdmgen.sinks.TableSink;
import io.mdmgen.spark.CensusTally;
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
  /** How long to wait for the listener to count a finished table's last tasks. */
  private static final long LISTENER_WAIT_MILLIS = 10_000;

  /**
   * What to write.
   *
   * @param plan the extent to write ({@link #plan}), from master 0 or after the tables' customers
   * @param partitions Spark partitions per table; 0 to size them from the row count
   */
  public record Options(WorldSpec spec, Planner.Plan plan, int partitions, String tableSuffix,
      boolean embedTruth) {}

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

  /** The extent of the run and what it holds: arithmetic, so it is known before Spark starts. */
  public static Planner.Plan plan(WorldSpec spec, long firstMaster, OptionalLong totalRecords,
      OptionalLong uniqueCustomers) {
    return new Planner(spec).plan(firstMaster, totalRecords, uniqueCustomers);
  }

  /** Says on stderr what {@code plan} writes. */
  public static void say(Planner.Plan plan) {
    System.err.printf("mdmgen: %,d source records of %,d customers (masters %,d..%,d)%n",
        plan.census().records(), plan.extent().masters(), plan.extent().firstMaster(),
        plan.extent().endMaster() - 1);
  }

  public static RunReport run(SparkSession spark, Options o, TableSink sink) {
    long started = System.nanoTime();
    int parallelism = spark.sparkContext().defaultParallelism();
    Planner.Plan plan = o.plan();
    Census census = plan.census();
    CensusTally tally = CensusTally.register(spark);

    Map<Table, Long> planned = new LinkedHashMap<>();
    planned.put(Table.CUSTOMERS, plan.extent().masters());
    for (SourceSystem s : SourceSystem.values()) {
      planned.put(Table.of(s), census.records(s));
    }
    planned.put(Table.MATCH_TRUTH, census.records());
    // Who lives with whom is not counted ahead: the progress takes the expected number.
    planned.put(Table.HARD_NEGATIVES, o.spec().scenario().households().expectedPairs(plan.extent().masters()));
    long total = planned.values().stream().mapToLong(Long::longValue).sum();
    int partitions = Math.min(sink.maxPartitions(),
        o.partitions() > 0 ? o.partitions() : partitions(census.records(), parallelism));

    for (Table t : planned.keySet()) {
      sink.check(t.baseName() + o.tableSuffix(), SparkSchemas.of(t, o.embedTruth()));
    }
    System.err.printf("mdmgen: %,d partitions per table on %d cores%n", partitions, parallelism);
    Map<Table, Long> rows = new LinkedHashMap<>();
    Map<Table, Double> seconds = new LinkedHashMap<>();
    try (RowProgress progress = new RowProgress(spark.sparkContext(), "mdmgen batch", total)) {
      for (Map.Entry<Table, Long> e : planned.entrySet()) {
        Table t = e.getKey();
        String name = t.baseName() + o.tableSuffix();
        progress.describe(name);
        long before = progress.rows();
        long pairsBefore = tally.value().householdPairs();
        long t0 = System.nanoTime();
        spark.sparkContext().setJobDescription("mdmgen: write " + name);
        sink.stage(name, WorldSource.rows(t, o.spec(), plan.extent(), partitions, o.embedTruth(), tally));
        seconds.put(t, (System.nanoTime() - t0) / 1e9);
        long expected = t == Table.HARD_NEGATIVES ? tally.value().householdPairs() - pairsBefore : e.getValue();
        long written = progress.awaitRows(before + expected, LISTENER_WAIT_MILLIS) - before;
        if (written != expected) {
          throw new IllegalStateException(name + ": wrote " + written + " rows, " + (t == Table.HARD_NEGATIVES
              ? "its tasks counted " : "planned ") + expected);
        }
        rows.put(t, written);
      }
      progress.finish();
      sink.commit();
    } catch (Throwable e) { // Spark's SparkException is checked, and Scala throws it undeclared
      try {
        sink.abort();
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup); // the run's own failure is the one to report
      }
      throw e;
    }
    return new RunReport(o, plan.extent(), new Census().merge(census).merge(tally.value()), rows, seconds,
        (System.nanoTime() - started) / 1e9, sink);
  }
}
