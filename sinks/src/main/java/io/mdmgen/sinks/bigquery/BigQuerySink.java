package io.mdmgen.sinks.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.CopyJobConfiguration;
import com.google.cloud.bigquery.Dataset;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsRequest;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsResponse;
import com.google.cloud.bigquery.storage.v1.TableName;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import io.mdmgen.sinks.GeneratedRows;
import io.mdmgen.sinks.TableSink;
import io.mdmgen.sinks.TargetException;
import io.mdmgen.sinks.WriteMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * BigQuery tables, written with the Storage Write API by the tasks themselves. Each table is
 * written as a table of the same name in a staging dataset beside the target
 * ({@code <dataset>_mdmgen_staging}, whose tables expire after a day): every task writes its
 * partition to a PENDING stream of its own and finalizes it. {@link #commit()} commits each
 * table's streams with BatchCommitWriteStreams once all five tables are written, then copies
 * the staging tables into the dataset (replacing or appending to its tables) and drops them.
 * Until then the target dataset is untouched: a failed or killed run leaves no table in it.
 */
public final class BigQuerySink implements TableSink {
  static final String STAGING_DATASET_SUFFIX = "_mdmgen_staging";
  private static final Duration STAGING_LIFETIME = Duration.ofDays(1);

  /**
   * Where and how to write.
   *
   * @param maxWriteStreams at most this many tasks (each with its own write stream) per table
   * @param labels the labels the tables carry (the run's world, so an append can check it)
   */
  public record Options(BigQueryConnection connection, String dataset, WriteMode mode,
      int maxWriteStreams, Map<String, String> labels) {}

  private final Options options;
  private final BigQuery bigquery;
  private final DatasetId staging;
  private final Map<String, List<String>> staged = new LinkedHashMap<>();

  /**
   * Checks that the dataset exists and creates its staging dataset if needed: before any Spark
   * work, so a wrong project, dataset or endpoint fails fast.
   */
  public BigQuerySink(Options options) {
    this.options = options;
    this.bigquery = options.connection().rest();
    String project = options.connection().project();
    this.staging = DatasetId.of(project, options.dataset() + STAGING_DATASET_SUFFIX);
    Dataset target = call(() -> bigquery.getDataset(DatasetId.of(project, options.dataset())));
    if (target == null) {
      throw new TargetException(TargetException.What.DATASET,
          "dataset " + project + "." + options.dataset() + " does not exist");
    }
    if (call(() -> bigquery.getDataset(staging)) == null) {
      call(() -> bigquery.create(DatasetInfo.newBuilder(staging)
          .setLocation(target.getLocation())
          .setDefaultTableLifetime(STAGING_LIFETIME.toMillis())
          .setDescription("mdmgen's tables while a run writes them; dropped when it ends")
          .build()));
    }
  }

  @Override
  public int maxPartitions() {
    return options.maxWriteStreams();
  }

  @Override
  public void check(String table, StructType schema) {
    call(() -> bigquery.delete(TableId.of(staging.getProject(), staging.getDataset(), table)));
    if (options.mode() == WriteMode.append) {
      Table existing = call(() -> bigquery.getTable(target(table)));
      if (existing != null && !sameColumns(existing.getDefinition().getSchema(), BigQueryTypes.schema(schema))) {
        throw new TargetException(TargetException.What.TABLE_COLUMNS, "table "
            + describe(table) + " has other columns than this run writes");
      }
    }
  }

  private static boolean sameColumns(Schema a, Schema b) {
    if (a == null || a.getFields().size() != b.getFields().size()) {
      return false;
    }
    for (int i = 0; i < a.getFields().size(); i++) {
      Field x = a.getFields().get(i);
      Field y = b.getFields().get(i);
      if (!x.getName().equals(y.getName()) || !x.getType().equals(y.getType())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void stage(String table, GeneratedRows rows) {
    TableId id = TableId.of(staging.getProject(), staging.getDataset(), table);
    bigquery.delete(id);
    bigquery.create(TableInfo.of(id, StandardTableDefinition.of(BigQueryTypes.schema(rows.schema()))));
    staged.put(table, List.of());
    String parent = TableName.of(id.getProject(), id.getDataset(), id.getTable()).toString();
    SparkSession spark = SparkSession.active();
    WritePart task = new WritePart(options.connection(), parent, rows,
        BigQueryTypes.descriptor(rows.schema()).toByteArray(),
        spark.sparkContext().longAccumulator(ROWS_WRITTEN));
    staged.put(table, rows.mapPartitions(spark, task));
  }

  /**
   * A task: writes one partition to a stream of its own and returns the stream's name. A class,
   * not a lambda, and the row descriptor as bytes: the application jar relocates protobuf, and a
   * serialized lambda that captures a relocated type cannot be read back on the executors.
   */
  private record WritePart(BigQueryConnection connection, String table, GeneratedRows rows,
      byte[] descriptor, LongAccumulator written) implements Function<Integer, String> {
    @Override
    public String call(Integer partition) throws Exception {
      try (BigQueryPart part = BigQueryPart.open(connection, table, DescriptorProto.parseFrom(descriptor))) {
        rows.write(partition, part);
        String stream = part.finish();
        written.add(part.rows());
        return stream;
      }
    }
  }

  @Override
  public void commit() {
    // Every table is written: commit each one's streams (BigQuery commits a table's streams
    // together; nothing of a table whose commit fails becomes visible), then move them in.
    for (Map.Entry<String, List<String>> e : staged.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      TableName parent = TableName.of(staging.getProject(), staging.getDataset(), e.getKey());
      BatchCommitWriteStreamsResponse r = options.connection().write().batchCommitWriteStreams(
          BatchCommitWriteStreamsRequest.newBuilder().setParent(parent.toString())
              .addAllWriteStreams(e.getValue()).build());
      if (!r.hasCommitTime()) {
        throw new IllegalStateException("BigQuery did not commit " + e.getKey() + ": "
            + r.getStreamErrorsList());
      }
    }
    for (String table : staged.keySet()) {
      copy(table);
    }
    abort();
  }

  @Override
  public Map<String, String> labels(String table) {
    Table t = call(() -> bigquery.getTable(target(table)));
    return t == null || t.getLabels() == null ? Map.of() : t.getLabels();
  }

  /**
   * Gives {@code table}'s target this run's labels before the copy, which keeps them: a new table
   * is created with them; an overwritten one that carries others gets them by an update, or, where
   * the API has no table update (bqemulator answers 405), is made again with them.
   */
  private void label(String table, TableId from) {
    Map<String, String> labels = options.labels();
    Table existing = bigquery.getTable(target(table));
    if (existing != null && labels.equals(existing.getLabels() == null ? Map.of() : existing.getLabels())) {
      return;
    }
    if (existing != null) {
      try {
        existing.toBuilder().setLabels(labels).build().update();
        return;
      } catch (BigQueryException e) {
        if (e.getCode() != 405 || options.mode() == WriteMode.append) {
          return; // an append keeps the table as it is; its labels were checked before the run
        }
      }
      bigquery.delete(target(table));
    }
    Schema schema = bigquery.getTable(from).getDefinition().getSchema();
    bigquery.create(TableInfo.newBuilder(target(table), StandardTableDefinition.of(schema))
        .setLabels(labels).build());
  }

  private void copy(String table) {
    TableId from = TableId.of(staging.getProject(), staging.getDataset(), table);
    label(table, from);
    CopyJobConfiguration copy = CopyJobConfiguration.newBuilder(target(table), from)
        .setCreateDisposition(JobInfo.CreateDisposition.CREATE_IF_NEEDED)
        .setWriteDisposition(options.mode() == WriteMode.append
            ? JobInfo.WriteDisposition.WRITE_APPEND : JobInfo.WriteDisposition.WRITE_TRUNCATE)
        .build();
    Job job;
    try {
      job = bigquery.create(JobInfo.of(copy)).waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while copying " + table, e);
    }
    if (job == null || job.getStatus().getError() != null) {
      throw new IllegalStateException("BigQuery could not copy " + table + " into "
          + describe(table) + ": " + (job == null ? "the job vanished" : job.getStatus().getError()));
    }
  }

  @Override
  public void abort() {
    for (String table : staged.keySet()) {
      try {
        bigquery.delete(TableId.of(staging.getProject(), staging.getDataset(), table));
      } catch (BigQueryException e) {
        // the staging dataset's tables expire by themselves
      }
    }
    staged.clear();
  }

  @Override
  public String describe(String table) {
    return "bigquery:" + options.connection().project() + "." + options.dataset() + "." + table;
  }

  @Override
  public long rowsIn(String table) {
    Table t = call(() -> bigquery.getTable(target(table)));
    return t == null || t.getNumRows() == null ? 0 : t.getNumRows().longValue();
  }

  private TableId target(String table) {
    return TableId.of(options.connection().project(), options.dataset(), table);
  }

  /**
   * Runs a REST call before anything is written: a refusal or an unreachable service is then a
   * problem the user can fix (the wrong project, endpoint or credentials).
   */
  private static <T> T call(java.util.function.Supplier<T> request) {
    try {
      return request.get();
    } catch (BigQueryException e) {
      throw new TargetException(TargetException.What.SERVICE, "BigQuery: " + e.getMessage());
    }
  }
}
