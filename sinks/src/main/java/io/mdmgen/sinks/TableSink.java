package io.mdmgen.sinks;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Where a run's tables go. Tables are staged one by one and made visible together by
 * {@link #commit()}, so a failed or interrupted run leaves no half-written table behind. A
 * stream's {@code foreachBatch} can stage and commit each micro-batch the same way.
 */
public interface TableSink {
  /** Fails, before anything is written, if {@code table} cannot take rows of {@code schema}. */
  void check(String table, StructType schema);

  /** Writes {@code rows} where {@code table} will get them, without touching {@code table}. */
  void stage(String table, Dataset<Row> rows);

  /**
   * Writes generated {@code rows} where {@code table} will get them. Sinks that can write them
   * straight into their files do; the others read them as a Spark Dataset.
   */
  default void stage(String table, GeneratedRows rows) {
    stage(table, rows.dataset(SparkSession.active()));
  }

  /** Makes every staged table visible. */
  void commit();

  /** Removes whatever was staged. Safe to call at any point, and more than once. */
  void abort();

  /** Where the tables end up, for people (no credentials). */
  String describe(String table);
}
