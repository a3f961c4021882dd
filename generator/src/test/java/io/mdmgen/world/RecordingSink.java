package io.mdmgen.world;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** Test sink: the row as Java values, by column (null for missing). */
public final class RecordingSink implements RowSink {
  public final Map<Column, Object> row = new EnumMap<>(Column.class);

  private final Utf8Buffer text = new Utf8Buffer();

  public RecordingSink clear() {
    row.clear();
    text.clear();
    return this;
  }

  @Override
  public Utf8Buffer text() {
    return text;
  }

  @Override
  public void string(Column column, byte[] utf8, int offset, int length) {
    row.put(column, new String(utf8, offset, length, StandardCharsets.UTF_8));
  }

  @Override
  public void missing(Column column) {
    row.put(column, null);
  }

  @Override
  public void int32(Column column, int value) {
    row.put(column, value);
  }

  @Override
  public void date(Column column, int epochDay) {
    row.put(column, LocalDate.ofEpochDay(epochDay));
  }

  @Override
  public void cents(Column column, long cents) {
    row.put(column, BigDecimal.valueOf(cents, 2));
  }

  @Override
  public void bool(Column column, boolean value) {
    row.put(column, value);
  }
}
