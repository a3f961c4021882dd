package io.mdmgen.spark;

import io.mdmgen.world.Column;
import io.mdmgen.world.RowSink;
import java.util.Arrays;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.types.StructType;

/**
 * Writes the world model's rows straight into Spark's binary row format: no Java strings, no
 * boxed values, one reused row. Columns absent from the schema are skipped.
 */
final class UnsafeRowSink implements RowSink {
  private final int[] ordinal = new int[Column.values().length];
  private final UnsafeRowWriter writer;

  UnsafeRowSink(StructType schema) {
    Arrays.fill(ordinal, -1);
    for (int i = 0; i < schema.fields().length; i++) {
      ordinal[Column.named(schema.fields()[i].name()).ordinal()] = i;
    }
    writer = new UnsafeRowWriter(schema.fields().length, 256);
  }

  void start() {
    writer.reset();
    writer.zeroOutNullBytes();
  }

  UnsafeRow row() {
    return writer.getRow();
  }

  @Override
  public void string(Column column, byte[] utf8, int offset, int length) {
    int i = ordinal[column.ordinal()];
    if (i >= 0) {
      writer.write(i, utf8, offset, length);
    }
  }

  @Override
  public void missing(Column column) {
    int i = ordinal[column.ordinal()];
    if (i >= 0) {
      writer.setNullAt(i);
    }
  }

  @Override
  public void int32(Column column, int value) {
    int i = ordinal[column.ordinal()];
    if (i >= 0) {
      writer.write(i, value);
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
      writer.write(i, cents); // a decimal(12,2) is stored as its unscaled long
    }
  }

  @Override
  public void bool(Column column, boolean value) {
    int i = ordinal[column.ordinal()];
    if (i >= 0) {
      writer.write(i, value);
    }
  }
}
