package io.mdmgen.spark;

import io.mdmgen.world.Column;
import io.mdmgen.world.RowSink;
import io.mdmgen.world.Utf8Buffer;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.Decimal64ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.spark.sql.types.StructType;

/**
 * Writes the world model's rows into a row of an ORC vectorized batch (see
 * {@link io.mdmgen.sinks.OrcPartFile}). Strings of batches that go to a file are not copied: the
 * batch refers to the bytes where the model composed them, a text buffer cleared only when the
 * batch was written (ORC's writer copies them then), or to the model's dictionaries. Batches kept
 * in memory get copies, column by column as a reader would lay them out. Decimals stay scaled
 * longs. Columns absent from the schema are skipped.
 */
final class OrcRowSink implements RowSink {
  private final int[] ordinal;
  private final boolean copies;
  private final Utf8Buffer text = new Utf8Buffer();
  private ColumnVector[] columns;
  private int row;

  /** @param copies whether batches are kept rather than written, so strings must be copied */
  OrcRowSink(StructType schema, boolean copies) {
    this.ordinal = SparkSchemas.positions(schema);
    this.copies = copies;
  }

  /** The next values go to the next free row of {@code batch}. */
  void at(VectorizedRowBatch batch) {
    if (copies || batch.size == 0) { // values were copied, or their batch was written
      text.clear();
    }
    this.columns = batch.cols;
    this.row = batch.size;
  }

  @Override
  public Utf8Buffer text() {
    return text;
  }

  @Override
  public boolean keeps(Column column) {
    return ordinal[column.ordinal()] >= 0;
  }

  @Override
  public void string(Column column, byte[] utf8, int offset, int length) {
    int i = ordinal[column.ordinal()];
    if (i >= 0) {
      BytesColumnVector c = (BytesColumnVector) columns[i];
      if (copies) {
        c.setVal(row, utf8, offset, length);
      } else {
        c.setRef(row, utf8, offset, length);
      }
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
