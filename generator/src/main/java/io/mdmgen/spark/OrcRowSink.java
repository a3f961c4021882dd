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
 * {@link io.mdmgen.sinks.OrcPartFile}). Strings are not copied: the batch refers to the bytes
 * where the model composed them, a text buffer that lasts as long as the batch's rows (ORC's
 * writer copies them when it writes the batch), or to the model's dictionaries. Decimals stay
 * scaled longs. Columns absent from the schema are skipped.
 */
final class OrcRowSink implements RowSink {
  private final int[] ordinal;
  private VectorizedRowBatch batch;
  private ColumnVector[] columns;
  private Utf8Buffer text = new Utf8Buffer();
  private int row;

  OrcRowSink(StructType schema) {
    this.ordinal = SparkSchemas.positions(schema);
  }

  /** The next values go to the next free row of {@code batch}. */
  void at(VectorizedRowBatch batch) {
    if (batch != this.batch) { // a new batch: the last one, and the text it refers to, is kept
      this.batch = batch;
      this.columns = batch.cols;
      text = new Utf8Buffer(text.length() + text.length() / 8);
    } else if (batch.size == 0) { // the batch was written and reset: its text is no longer read
      text.clear();
    }
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
      ((BytesColumnVector) columns[i]).setRef(row, utf8, offset, length);
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
