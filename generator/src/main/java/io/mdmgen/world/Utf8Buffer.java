package io.mdmgen.world;

import java.util.Arrays;

/** A reusable byte buffer in which a row's text fields are composed without allocating. */
public final class Utf8Buffer {
  private byte[] bytes = new byte[512];
  private int length;

  public byte[] bytes() {
    return bytes;
  }

  public int length() {
    return length;
  }

  public void clear() {
    length = 0;
  }

  public Utf8Buffer append(byte[] src) {
    return append(src, 0, src.length);
  }

  public Utf8Buffer append(byte[] src, int offset, int count) {
    ensure(count);
    System.arraycopy(src, offset, bytes, length, count);
    length += count;
    return this;
  }

  public Utf8Buffer append(char ascii) {
    ensure(1);
    bytes[length++] = (byte) ascii;
    return this;
  }

  /** Appends ASCII text; only for the model's own constant literals. */
  public Utf8Buffer append(String ascii) {
    ensure(ascii.length());
    for (int i = 0; i < ascii.length(); i++) {
      bytes[length++] = (byte) ascii.charAt(i);
    }
    return this;
  }

  /** Appends {@code value} (non-negative) in decimal, left-padded with zeros to {@code width}. */
  public Utf8Buffer appendDigits(long value, int width) {
    int digits = 1;
    for (long v = value; v >= 10; v /= 10) {
      digits++;
    }
    int n = Math.max(digits, width);
    ensure(n);
    int end = length + n;
    for (int i = end - 1; i >= length; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length = end;
    return this;
  }

  /** Appends the ASCII letters and digits of {@code src} in lower case, dropping everything else. */
  public Utf8Buffer appendAlnumLower(byte[] src) {
    ensure(src.length);
    for (byte b : src) {
      if (b >= 'A' && b <= 'Z') {
        bytes[length++] = (byte) (b + 32);
      } else if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')) {
        bytes[length++] = b;
      }
    }
    return this;
  }

  public void upper(int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b >= 'a' && b <= 'z') {
        bytes[i] = (byte) (b - 32);
      }
    }
  }

  public void lower(int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b >= 'A' && b <= 'Z') {
        bytes[i] = (byte) (b + 32);
      }
    }
  }

  /** Removes the byte at {@code at}. */
  public void delete(int at) {
    System.arraycopy(bytes, at + 1, bytes, at, length - at - 1);
    length--;
  }

  /** Inserts {@code b} before position {@code at}. */
  public void insert(int at, byte b) {
    ensure(1);
    System.arraycopy(bytes, at, bytes, at + 1, length - at);
    bytes[at] = b;
    length++;
  }

  public byte get(int at) {
    return bytes[at];
  }

  public void set(int at, byte b) {
    bytes[at] = b;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
