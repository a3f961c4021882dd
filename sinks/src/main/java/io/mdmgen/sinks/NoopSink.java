package io.mdmgen.sinks;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/** Generates every row, as Spark would read it, and discards it: the generation-speed probe. */
public final class NoopSink implements TableSink {
  /** What a task's rows go into: nothing but a count. */
  public static final class Discard implements PartWriter {
    private long rows;

    public void endRow() {
      rows++;
    }

    long rows() {
      return rows;
    }
  }

  @Override
  public void check(String table, StructType schema) {}

  @Override
  public void stage(String table, GeneratedRows rows) {
    SparkSession spark = SparkSession.active();
    LongAccumulator written = spark.sparkContext().longAccumulator(ROWS_WRITTEN);
    rows.eachPartition(spark, p -> {
      Discard out = new Discard();
      rows.write(p, out);
      written.add(out.rows());
    });
  }

  /** Reads {@code rows} through Spark (Spark's {@code noop} format) and discards them. */
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
