package io.mdmgen.events;

import java.util.Arrays;

/** Avro binary encoding into one growable, reused byte array. */
final class AvroWriter {
  private byte[] buf = new byte[1024];
  private int length;

  void clear() {
    length = 0;
  }

  int length() {
    return length;
  }

  byte[] bytes() {
    return buf;
  }

  byte[] copy() {
    return Arrays.copyOf(buf, length);
  }

  void raw(byte b) {
    ensure(1);
    buf[length++] = b;
  }

  void raw(byte[] src, int offset, int count) {
    ensure(count);
    System.arraycopy(src, offset, buf, length, count);
    length += count;
  }

  /** A long (or int, enum index, union branch, array block count): zig-zag, then varint. */
  void varlong(long v) {
    ensure(10);
    long z = (v << 1) ^ (v >> 63);
    while ((z & ~0x7FL) != 0) {
      buf[length++] = (byte) ((z & 0x7F) | 0x80);
      z >>>= 7;
    }
    buf[length++] = (byte) z;
  }

  void string(byte[] utf8, int offset, int count) {
    varlong(count);
    raw(utf8, offset, count);
  }

  void bool(boolean v) {
    raw((byte) (v ? 1 : 0));
  }

  /** A decimal's unscaled value as Avro {@code bytes}: minimal big-endian two's complement. */
  void decimal(long unscaled) {
    int bits = 65 - Long.numberOfLeadingZeros(unscaled ^ (unscaled >> 63));
    int n = (bits + 7) >>> 3;
    varlong(n);
    ensure(n);
    for (int i = n - 1; i >= 0; i--) {
      buf[length++] = (byte) (unscaled >>> (8 * i));
    }
  }

  /** The Confluent wire-format header: magic byte 0, then the schema id as a big-endian int. */
  void confluentHeader(int schemaId) {
    ensure(5);
    buf[length++] = 0;
    buf[length++] = (byte) (schemaId >>> 24);
    buf[length++] = (byte) (schemaId >>> 16);
    buf[length++] = (byte) (schemaId >>> 8);
    buf[length++] = (byte) schemaId;
  }

  private void ensure(int extra) {
    if (length + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + extra));
    }
  }
}
