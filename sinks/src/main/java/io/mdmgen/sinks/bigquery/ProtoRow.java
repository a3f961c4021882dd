package io.mdmgen.sinks.bigquery;

import java.util.Arrays;

/**
 * One row as a protobuf message, encoded by hand into a reused buffer (no message objects per
 * row): field {@code n} is column {@code n - 1}, in the types {@link BigQueryTypes} declares.
 * A field never set is absent from the message, which BigQuery reads as NULL.
 */
public final class ProtoRow {
  private static final int WIRE_VARINT = 0;
  private static final int WIRE_LENGTH_DELIMITED = 2;

  private byte[] bytes = new byte[512];
  private int length;

  /** Starts a new row. */
  public ProtoRow clear() {
    length = 0;
    return this;
  }

  public byte[] bytes() {
    return bytes;
  }

  public int length() {
    return length;
  }

  /** Fields encoded before (a row kept in memory), as they are. */
  public void encoded(byte[] fields, int offset, int count) {
    room(count);
    System.arraycopy(fields, offset, bytes, length, count);
    length += count;
  }

  public void string(int field, byte[] utf8, int offset, int count) {
    tag(field, WIRE_LENGTH_DELIMITED);
    varint(count);
    room(count);
    System.arraycopy(utf8, offset, bytes, length, count);
    length += count;
  }

  public void int64(int field, long value) {
    tag(field, WIRE_VARINT);
    varint(value);
  }

  /** An int32 field (a DATE as days since 1970-01-01): negative values take ten bytes, as protobuf says. */
  public void int32(int field, int value) {
    int64(field, value);
  }

  public void bool(int field, boolean value) {
    tag(field, WIRE_VARINT);
    varint(value ? 1 : 0);
  }

  /** A decimal given as {@code unscaled / 10^scale}, as its text ("-12.05"), for NUMERIC. */
  public void decimal(int field, long unscaled, int scale) {
    tag(field, WIRE_LENGTH_DELIMITED);
    int start = length + 1; // a decimal of a long takes at most 21 characters: one length byte
    room(32);
    int at = start;
    long magnitude = unscaled;
    if (unscaled < 0) {
      bytes[at++] = '-';
      magnitude = -unscaled; // unscaled > Long.MIN_VALUE: amounts are far smaller
    }
    long pow = 1;
    for (int i = 0; i < scale; i++) {
      pow *= 10;
    }
    at = digits(magnitude / pow, at);
    if (scale > 0) {
      bytes[at++] = '.';
      long fraction = magnitude % pow;
      for (int i = scale - 1; i >= 0; i--) {
        bytes[at + i] = (byte) ('0' + fraction % 10);
        fraction /= 10;
      }
      at += scale;
    }
    bytes[length] = (byte) (at - start);
    length = at;
  }

  private int digits(long v, int at) {
    int n = 1;
    for (long x = v; x >= 10; x /= 10) {
      n++;
    }
    for (int i = n - 1; i >= 0; i--) {
      bytes[at + i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    return at + n;
  }

  private void tag(int field, int wireType) {
    varint((long) field << 3 | wireType);
  }

  private void varint(long v) {
    room(10);
    while ((v & ~0x7FL) != 0) {
      bytes[length++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    bytes[length++] = (byte) v;
  }

  private void room(int n) {
    if (length + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
    }
  }
}
