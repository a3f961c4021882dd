package io.mdmgen.sinks;

import org.apache.spark.sql.types.StructType;

/**
 * Where a run's tables go. Tables are staged one by one and made visible together by
 * {@link #commit()}, so a failed or interrupted run leaves no half-written table behind. Each
 * sink has its tasks write the generated rows in its own form ({@link PartWriter}) and counts
 * them in the accumulator {@link #ROWS_WRITTEN}, which the run's progress reads.
 */
public interface TableSink {
  /** The name of the accumulator in which a sink's tasks count the rows they wrote. */
  String ROWS_WRITTEN = "mdmgen.rows_written";

  /** Fails, before anything is written, if {@code table} cannot take rows of {@code schema}. */
  void check(String table, StructType schema);

  /** Writes {@code rows} where {@code table} will get them, without touching {@code table}. */
  void stage(String table, GeneratedRows rows);

  /** Makes every staged table visible. */
  void commit();

  /** Removes whatever was staged. Safe to call at any point, and more than once. */
  void abort();

  /** Where the tables end up, for people (no credentials). */
  String describe(String table);

  /** At most how many parts (tasks) one table may be written in; the run caps its partitions. */
  default int maxPartitions() {
    return Integer.MAX_VALUE;
  }

  /**
   * The labels {@code table} was created with (what the run's world was, so that an append can
   * refuse to mix two worlds in one table); empty if it does not exist or carries none.
   */
  default java.util.Map<String, String> labels(String table) {
    return java.util.Map.of();
  }

  /** Rows {@code table} holds now, 0 if it does not exist: where an append goes on. */
  long rowsIn(String table);
}
