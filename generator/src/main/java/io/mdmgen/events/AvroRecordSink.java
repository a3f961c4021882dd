package io.mdmgen.events;

import io.mdmgen.world.Column;
import io.mdmgen.world.RowSink;
import io.mdmgen.world.Utf8Buffer;
import java.util.Arrays;
import org.apache.avro.Schema;

/**
 * Writes the world model's rows as Avro binary records of one schema, straight from the model's
 * bytes: no GenericRecord, no String. The world writes columns in schema order (the schemas are
 * laid out that way), so fields are encoded as they arrive; a column out of order is a bug and
 * fails loudly rather than producing unreadable bytes. Optional fields are {@code ["null", T]}.
 */
final class AvroRecordSink implements RowSink {
  private final int[] position = new int[Column.values().length];
  private final boolean[] optional;
  /** The schema's columns as a bit set of column ordinals. */
  private final long columns;
  private final Column keyColumn;
  private final Utf8Buffer text = new Utf8Buffer();
  private final boolean hideCustomerId;
  private AvroWriter out;
  private int expected;
  private int keyAt;
  private int keyLength;

  /**
   * @param keyColumn the column whose value becomes the Kafka key
   * @param hideCustomerId write customer_id as null (source records, unless the truth is embedded)
   */
  AvroRecordSink(Schema schema, Column keyColumn, boolean hideCustomerId) {
    Arrays.fill(position, -1);
    optional = new boolean[schema.getFields().size()];
    long bits = 0;
    for (Schema.Field f : schema.getFields()) {
      int column = Column.named(f.name()).ordinal();
      position[column] = f.pos();
      bits |= 1L << column;
      optional[f.pos()] = f.schema().getType() == Schema.Type.UNION;
    }
    this.columns = bits;
    this.keyColumn = keyColumn;
    this.hideCustomerId = hideCustomerId;
  }

  void start(AvroWriter writer) {
    out = writer;
    expected = 0;
    text.clear();
  }

  @Override
  public Utf8Buffer text() {
    return text;
  }

  void finish() {
    if (expected != optional.length) {
      throw new IllegalStateException("record ended after " + expected + " of " + optional.length + " fields");
    }
  }

  /** The columns of this sink's schema, as a bit set of column ordinals. */
  long columns() {
    return columns;
  }

  int keyAt() {
    return keyAt;
  }

  int keyLength() {
    return keyLength;
  }

  /** Starts field {@code column}; false if the schema has no such field or it is written as null. */
  private boolean field(Column column, boolean present) {
    int p = position[column.ordinal()];
    if (p < 0) {
      return false;
    }
    if (p != expected) {
      throw new IllegalStateException(column + " written at field " + expected + ", schema has it at " + p);
    }
    expected++;
    if (optional[p]) {
      out.varlong(present ? 1 : 0);
    } else if (!present) {
      throw new IllegalStateException(column + " is required but missing");
    }
    return present;
  }

  @Override
  public void string(Column column, byte[] utf8, int offset, int length) {
    boolean hidden = hideCustomerId && column == Column.CUSTOMER_ID;
    if (field(column, !hidden) && !hidden) {
      out.varlong(length);
      if (column == keyColumn) {
        keyAt = out.length();
        keyLength = length;
      }
      out.raw(utf8, offset, length);
    }
  }

  @Override
  public void missing(Column column) {
    field(column, false);
  }

  @Override
  public void int32(Column column, int value) {
    if (field(column, true)) {
      out.varlong(value);
    }
  }

  @Override
  public void date(Column column, int epochDay) {
    int32(column, epochDay);
  }

  @Override
  public void cents(Column column, long cents) {
    if (field(column, true)) {
      out.decimal(cents);
    }
  }

  @Override
  public void bool(Column column, boolean value) {
    if (field(column, true)) {
      out.bool(value);
    }
  }
}
