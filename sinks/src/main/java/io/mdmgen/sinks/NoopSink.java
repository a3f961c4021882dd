package io.mdmgen.sinks;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Generates every row and discards it (Spark's {@code noop} format): the generation-speed probe. */
public final class NoopSink implements TableSink {
  @Override
  public void check(String table, StructType schema) {}

  @Override
  public void stage(String table, GeneratedRows rows) {
    stage(rows.dataset(SparkSession.active()));
  }

  /** Reads {@code rows} through Spark and discards them. */
  public void stage(Dataset<Row> rows) {
    rows.write().format("noop").mode("overwrite").save();
  }

  @Override
  public void commit() {}

  @Override
  public void abort() {}

  @Override
  public String describe(String table) {
    return "noop:" + table;
  }

  @Override
  public long rowsIn(String table) {
    return 0;
  }
}
