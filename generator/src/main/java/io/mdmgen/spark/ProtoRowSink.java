package io.mdmgen.spark;

import io.mdmgen.sinks.bigquery.ProtoRow;
import io.mdmgen.world.Column;
import io.mdmgen.world.RowSink;
import io.mdmgen.world.Utf8Buffer;
import org.apache.spark.sql.types.StructType;

/**
 * Writes the world model's rows as BigQuery Storage Write API messages ({@link ProtoRow}): the
 * column at position {@code i} of the schema is field {@code i + 1}; a missing value is an
 * absent field (NULL); amounts in cents are decimal text with two places. Values are copied
 * into the message as they arrive, so the text buffer is cleared with every row.
 */
final class ProtoRowSink implements RowSink {
  private final int[] ordinal;
  private final Utf8Buffer text = new Utf8Buffer();
  private ProtoRow row;

  ProtoRowSink(StructType schema) {
    this.ordinal = SparkSchemas.positions(schema);
  }

  /** The next values go to {@code next}. */
  void at(ProtoRow next) {
    text.clear();
    this.row = next;
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
      row.string(i + 1, utf8, offset, length);
    }
  }

  @Override
  public void missing(Column column) {}

  @Override
  public void int32(Column column, int value) {
    int i = ordinal[column.ordinal()];
    if (i >= 0) {
      row.int64(i + 1, value);
    }
  }

  @Override
  public void date(Column column, int epochDay) {
    int i = ordinal[column.ordinal()];
    if (i >= 0) {
      row.int32(i + 1, epochDay);
    }
  }

  @Override
  public void cents(Column column, long cents) {
    int i = ordinal[column.ordinal()];
    if (i >= 0) {
      row.decimal(i + 1, cents, 2);
    }
  }

  @Override
  public void bool(Column column, boolean value) {
    int i = ordinal[column.ordinal()];
    if (i >= 0) {
      row.bool(i + 1, value);
    }
  }
}
