package io.mdmgen.world;

/**
 * Where the world model writes one row at a time. Strings arrive as UTF-8 byte ranges, either of
 * the model's dictionaries (never changed) or of the sink's own {@link #text()} buffer, in which
 * the model composes them.
 */
public interface RowSink {
  /**
   * The buffer the model appends this row's composed text to; it never clears it. A sink that
   * copies the values it is given clears it for each row; one that keeps references to them
   * clears it once they are written.
   */
  Utf8Buffer text();

  /**
   * Whether the sink keeps {@code column}: the model may skip composing a value the sink would
   * drop. Every kept column of the table arrives in every row, as a value or as missing.
   */
  default boolean keeps(Column column) {
    return true;
  }

  void string(Column column, byte[] utf8, int offset, int length);

  void missing(Column column);

  void int32(Column column, int value);

  /** A date as days since 1970-01-01. */
  void date(Column column, int epochDay);

  /** A decimal(12,2) amount given in cents. */
  void cents(Column column, long cents);

  void bool(Column column, boolean value);
}
