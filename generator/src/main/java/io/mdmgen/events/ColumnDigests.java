package io.mdmgen.events;

import io.mdmgen.world.Column;
import io.mdmgen.world.RowSink;
import io.mdmgen.world.Utf8Buffer;

/** A row reduced to one 64-bit digest per column, to tell which columns two rows differ in. */
final class ColumnDigests implements RowSink {
  private static final int COLUMNS = Column.values().length;
  private final long[] digest = new long[COLUMNS];
  private final Utf8Buffer text = new Utf8Buffer();
  private long written;

  ColumnDigests clear() {
    text.clear();
    written = 0;
    return this;
  }

  /** The columns both rows have and hold different values in. */
  long differences(ColumnDigests o) {
    long out = 0;
    for (long both = written & o.written; both != 0; both &= both - 1) {
      int c = Long.numberOfTrailingZeros(both);
      out |= digest[c] != o.digest[c] ? 1L << c : 0;
    }
    return out;
  }

  private void put(Column c, long value) {
    digest[c.ordinal()] = value;
    written |= 1L << c.ordinal();
  }

  @Override
  public Utf8Buffer text() {
    return text;
  }

  @Override
  public void string(Column column, byte[] utf8, int offset, int length) {
    long h = 0xcbf29ce484222325L;
    for (int i = offset; i < offset + length; i++) {
      h = (h ^ utf8[i]) * 0x100000001b3L;
    }
    put(column, h ^ length);
  }

  @Override
  public void missing(Column column) {
    put(column, 0x6d697373696e67L);
  }

  @Override
  public void int32(Column column, int value) {
    put(column, value);
  }

  @Override
  public void date(Column column, int epochDay) {
    put(column, epochDay);
  }

  @Override
  public void cents(Column column, long cents) {
    put(column, cents);
  }

  @Override
  public void bool(Column column, boolean value) {
    put(column, value ? 1 : 2);
  }
}
