package io.mdmgen.spark;

import io.mdmgen.world.Column;
import io.mdmgen.world.RowSink;
import io.mdmgen.world.Utf8Buffer;
import java.util.Arrays;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.Platform;

/**
 * Writes the world model's rows straight into Spark's binary row format, in one reused buffer:
 * no Java strings, no boxed values. It lays rows out as {@code UnsafeRowWriter} does (null bits,
 * one 8-byte slot per field, then word-aligned variable-length data) without its per-field
 * bookkeeping, which cost as much as generating the values. Columns absent from the schema are
 * skipped.
 */
final class UnsafeRowSink implements RowSink {
  /** Far above the longest row the world writes (under 1 KiB). */
  private static final int CAPACITY = 1 << 16;

  private final int[] ordinal;
  private final int nullBytes;
  private final int fixedBytes;
  private final byte[] buffer = new byte[CAPACITY];
  private final UnsafeRow row;
  private final Utf8Buffer text = new Utf8Buffer();
  private int cursor;

  UnsafeRowSink(StructType schema) {
    ordinal = SparkSchemas.positions(schema);
    int fields = schema.fields().length;
    nullBytes = UnsafeRow.calculateBitSetWidthInBytes(fields);
    fixedBytes = nullBytes + 8 * fields;
    row = new UnsafeRow(fields);
  }

  void start() {
    Arrays.fill(buffer, 0, fixedBytes, (byte) 0);
    cursor = fixedBytes;
    text.clear();
  }

  @Override
  public Utf8Buffer text() {
    return text;
  }

  UnsafeRow row() {
    row.pointTo(buffer, cursor);
    return row;
  }

  @Override
  public boolean keeps(Column column) {
    return ordinal[column.ordinal()] >= 0;
  }

  @Override
  public void string(Column column, byte[] utf8, int offset, int length) {
    int i = ordinal[column.ordinal()];
    if (i >= 0) {
      int padded = (length + 7) & ~7;
      if (padded > length) { // zero the last word's padding with one store, before the copy
        Platform.putLong(buffer, Platform.BYTE_ARRAY_OFFSET + cursor + padded - 8, 0L);
      }
      System.arraycopy(utf8, offset, buffer, cursor, length);
      slot(i, ((long) cursor << 32) | length);
      cursor += padded;
    }
  }

  @Override
  public void missing(Column column) {
    int i = ordinal[column.ordinal()];
    if (i >= 0) {
      buffer[i >>> 3] |= (byte) (1 << (i & 7));
    }
  }

  @Override
  public void int32(Column column, int value) {
    int i = ordinal[column.ordinal()];
    if (i >= 0) {
      slot(i, value & 0xFFFF_FFFFL); // the upper half of an int's slot stays zero
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
      slot(i, cents); // a decimal(12,2) is stored as its unscaled long
    }
  }

  @Override
  public void bool(Column column, boolean value) {
    int i = ordinal[column.ordinal()];
    if (i >= 0) {
      slot(i, value ? 1 : 0);
    }
  }

  private void slot(int field, long value) {
    Platform.putLong(buffer, Platform.BYTE_ARRAY_OFFSET + nullBytes + 8L * field, value);
  }
}
