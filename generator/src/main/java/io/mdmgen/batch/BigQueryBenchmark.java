package io.mdmgen.batch;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.storage.v1.TableName;
import io.mdmgen.sinks.GeneratedRows;
import io.mdmgen.sinks.WriteMode;
import io.mdmgen.sinks.bigquery.BigQueryConnection;
import io.mdmgen.sinks.bigquery.BigQueryPart;
import io.mdmgen.sinks.bigquery.BigQuerySink;
import io.mdmgen.sinks.bigquery.BigQueryTypes;
import io.mdmgen.sinks.bigquery.ProtoRow;
import io.mdmgen.sinks.bigquery.ProtoRowWriter;
import io.mdmgen.spark.CensusTally;
import io.mdmgen.spark.WorldSource;
import io.mdmgen.world.Planner;
import io.mdmgen.world.Scenario;
import io.mdmgen.world.SourceSystem;
import io.mdmgen.world.Table;
import io.mdmgen.world.WorldSpec;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.sql.SparkSession;

/**
 * The BigQuery sink's benchmark against a BigQuery API (an emulator): the three source tables
 * written by the sink as a run writes them (tasks, one PENDING stream each, commit and copy),
 * against the ingest floor of the same API: the same rows, encoded in memory first, appended by
 * one client to one stream in a tight loop and committed. Prints rows/s of both and how busy
 * this JVM was (CPU seconds per wall second) while the sink wrote: where the time goes. Run it
 * with scripts/bench-bigquery; results go to BENCHMARKS.md.
 */
public final class BigQueryBenchmark {
  private BigQueryBenchmark() {}

  /** Arguments: RECORDS REST_ENDPOINT STORAGE_ENDPOINT [PROJECT]. */
  public static void main(String[] args) throws Exception {
    long total = (long) Double.parseDouble(args[0]);
    BigQueryConnection connection = new BigQueryConnection(args.length > 3 ? args[3] : "test-project",
        args[1], args[2], true);
    String dataset = "mdmgen_bench";
    BigQuery rest = connection.rest();
    if (rest.getDataset(DatasetId.of(connection.project(), dataset)) == null) {
      rest.create(DatasetInfo.of(DatasetId.of(connection.project(), dataset)));
    }
    SparkSession spark = SparkSessions.plain("local[*]");
    try {
      WorldSpec spec = new WorldSpec(WorldSpec.DEFAULT_SEED, WorldSpec.DEFAULT_AS_OF, Scenario.defaults());
      int cores = spark.sparkContext().defaultParallelism();
      CensusTally tally = CensusTally.register(spark);
      Planner.Plan plan = BatchJob.plan(spec, 0, OptionalLong.of(total), OptionalLong.empty());
      int partitions = BatchJob.partitions(plan.census().records(), cores);
      BigQuerySink sink = new BigQuerySink(new BigQuerySink.Options(connection, dataset, WriteMode.overwrite, 200, spec.labels()));

      // Warm-up: connections, the JIT, the emulator's first tables.
      Planner.Plan small = BatchJob.plan(spec, 0, OptionalLong.of(20_000), OptionalLong.empty());
      for (SourceSystem s : SourceSystem.values()) {
        sink.stage(Table.of(s).baseName() + "_warm_up", WorldSource.rows(Table.of(s), spec, small.extent(), cores, false, tally));
      }
      sink.abort();

      long cpu0 = cpuNanos();
      long t0 = System.nanoTime();
      for (SourceSystem s : SourceSystem.values()) {
        Table t = Table.of(s);
        GeneratedRows rows = WorldSource.rows(t, spec, plan.extent(), partitions, false, tally);
        sink.check(t.baseName(), rows.schema());
        sink.stage(t.baseName(), rows);
      }
      long written = System.nanoTime();
      sink.commit();
      double commitSeconds = (System.nanoTime() - written) / 1e9;
      double sinkSeconds = (System.nanoTime() - t0) / 1e9;
      double busy = (cpuNanos() - cpu0) / 1e9 / sinkSeconds;

      double floorSeconds = 0;
      for (SourceSystem s : SourceSystem.values()) {
        floorSeconds += floor(connection, rest, dataset, WorldSource.rows(Table.of(s), spec, plan.extent(), partitions, false, tally));
      }
      long n = plan.census().records();
      System.out.printf("source records: %,d (%d partitions, %d cores), bigquery API at %s%n", n, partitions, cores, args[1]);
      System.out.printf("generate -> BigQuery sink     %,10.0f rows/s  (%.1f s, of which %.1f s commit and copy)%n",
          n / sinkSeconds, sinkSeconds, commitSeconds);
      System.out.printf("in memory -> one stream       %,10.0f rows/s  (%.1f s)  the API's ingest floor%n", n / floorSeconds, floorSeconds);
      System.out.printf("sink vs floor                 %10.0f %%%n", 100 * floorSeconds / sinkSeconds);
      System.out.printf("this JVM while the sink wrote  %9.2f cores busy of %d%n", busy, cores);
    } finally {
      spark.stop();
      BigQueryConnection.closeAll();
    }
  }

  /** Seconds to append {@code rows}, encoded beforehand, to one stream and commit it. */
  private static double floor(BigQueryConnection connection, BigQuery rest, String dataset, GeneratedRows rows)
      throws Exception {
    Encoded encoded = new Encoded();
    for (int p = 0; p < rows.partitions(); p++) {
      rows.write(p, encoded);
    }
    TableId id = TableId.of(connection.project(), dataset, "floor");
    rest.delete(id);
    rest.create(TableInfo.of(id, StandardTableDefinition.of(BigQueryTypes.schema(rows.schema()))));
    String table = TableName.of(id.getProject(), id.getDataset(), id.getTable()).toString();
    long t0 = System.nanoTime();
    String stream;
    try (BigQueryPart part = BigQueryPart.open(connection, table, BigQueryTypes.descriptor(rows.schema()))) {
      for (byte[] row : encoded.rows) {
        part.row().encoded(row, 0, row.length);
        part.endRow();
      }
      stream = part.finish();
    }
    connection.write().batchCommitWriteStreams(com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsRequest
        .newBuilder().setParent(table).addWriteStreams(stream).build());
    double seconds = (System.nanoTime() - t0) / 1e9;
    rest.delete(id);
    return seconds;
  }

  /** Rows as the sink's tasks encode them, kept in memory. */
  private static final class Encoded implements ProtoRowWriter {
    final List<byte[]> rows = new ArrayList<>();
    private final ProtoRow row = new ProtoRow();

    @Override
    public ProtoRow row() {
      return row.clear();
    }

    @Override
    public void endRow() {
      rows.add(Arrays.copyOf(row.bytes(), row.length()));
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
