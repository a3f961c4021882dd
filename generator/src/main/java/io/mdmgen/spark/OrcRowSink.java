package io.mdmgen.spark;

import io.mdmgen.world.Column;
import io.mdmgen.world.RowSink;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.Decimal64ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.spark.sql.types.StructType;

/**
 * Writes the world model's rows into a row of an ORC vectorized batch (see
 * {@link io.mdmgen.sinks.OrcPartFile}): strings are copied into the batch's own buffer, decimals
 * stay scaled longs. Columns absent from the schema are skipped.
 */
final class OrcRowSink implements RowSink {
  private final int[] ordinal;
  private ColumnVector[] columns;
  private int row;

  OrcRowSink(StructType schema) {
    this.ordinal = SparkSchemas.positions(schema);
  }

  /** The next values go to the next free row of {@code batch}. */
  void at(VectorizedRowBatch batch) {
    this.columns = batch.cols;
    this.row = batch.size;
  }

  @Override
  public boolean keeps(Column column) {
    return ordinal[column.ordinal()] >= 0;
  }

  @Override
  public void string(Column column, byte[] utf8, int offset, int length) {
    int i = ordinal[column.ordinal()];
    if (i >= 0) {
      ((BytesColumnVector) columns[i]).setVal(row, utf8, offset, length);
    }
  }

  @Override
  public void missing(Column column) {
    int i = ordinal[column.ordinal()];
    if (i >= 0) {
      columns[i].noNulls = false;
      columns[i].isNull[row] = true;
    }
  }

  @Override
  public void int32(Column column, int value) {
    int i = ordinal[column.ordinal()];
    if (i >= 0) {
      ((LongColumnVector) columns[i]).vector[row] = value;
    }
  }

  @Override
  public void date(Column column, int epochDay) {
    int32(column, epochDay);
  }

  @Override
  public void cents(Column column, long cents) {
    int i = ordinal[column.ordinal()];
    if (i >= 0) {
      ((Decimal64ColumnVector) columns[i]).vector[row] = cents;
    }
  }

  @Override
  public void bool(Column column, boolean value) {
    int i = ordinal[column.ordinal()];
    if (i >= 0) {
      ((LongColumnVector) columns[i]).vector[row] = value ? 1 : 0;
    }
  }
}
