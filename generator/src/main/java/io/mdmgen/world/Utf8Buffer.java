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

  /** Makes room for {@code count} more bytes and returns where they start, for writing in place. */
  int extend(int count) {
    ensure(count);
    int at = length;
    length += count;
    return at;
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

  /** Appends {@code ascii} if {@code when}, without a branch on it. */
  public Utf8Buffer appendIf(boolean when, byte ascii) {
    ensure(1);
    bytes[length] = ascii;
    length += when ? 1 : 0;
    return this;
  }

  /** Keeps the first {@code length} bytes: text appended on speculation is dropped without a branch. */
  public void truncate(int length) {
    this.length = length;
  }

  /** The size of a {@link #appendTemplate} template. */
  static final int TEMPLATE = 16;

  /**
   * Appends the first {@code count} bytes of {@code template}, a {@link #TEMPLATE}-byte array, by
   * copying all of it (bytes past {@code count} are scratch): a copy of fixed size does not
   * branch on the size. Returns where they start.
   */
  int appendTemplate(byte[] template, int count) {
    ensure(TEMPLATE);
    System.arraycopy(template, 0, bytes, length, TEMPLATE);
    int at = length;
    length += count;
    return at;
  }

  /** Writes {@code value} as exactly {@code width} digits, zero-padded, at {@code at}. */
  void putDigits(int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
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

  private static final byte[] PAIRS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (byte) ('0' + i / 10);
      PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  /** Appends {@code value} (non-negative) in decimal, left-padded with zeros to {@code width}. */
  public Utf8Buffer appendDigits(long value, int width) {
    if (value >= 1_000_000_000L) {
      // Split so that each half is formatted with int arithmetic (long division is slow).
      appendDigits(value / 1_000_000_000L, Math.max(1, width - 9));
      return appendDigits((int) (value % 1_000_000_000L), 9);
    }
    return appendDigits((int) value, width);
  }

  private Utf8Buffer appendDigits(int value, int width) {
    int digits = value < 10 ? 1 : value < 100 ? 2 : value < 1_000 ? 3 : value < 10_000 ? 4
        : value < 100_000 ? 5 : value < 1_000_000 ? 6 : value < 10_000_000 ? 7
        : value < 100_000_000 ? 8 : 9;
    int n = Math.max(digits, width);
    ensure(n);
    int i = length + n;
    while (value >= 100) {
      int pair = value % 100;
      value /= 100;
      bytes[--i] = PAIRS[2 * pair + 1];
      bytes[--i] = PAIRS[2 * pair];
    }
    if (value >= 10) {
      bytes[--i] = PAIRS[2 * value + 1];
      bytes[--i] = PAIRS[2 * value];
    } else {
      bytes[--i] = (byte) ('0' + value);
    }
    while (i > length) {
      bytes[--i] = '0';
    }
    length += n;
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

  /**
   * Replaces the {@code count} bytes at {@code at} with {@code with}; returns where the replacement
   * ends. What followed moves along.
   */
  public int replace(int at, int count, byte[] with) {
    int grow = with.length - count;
    if (grow > 0) {
      ensure(grow);
    }
    System.arraycopy(bytes, at + count, bytes, at + with.length, length - at - count);
    System.arraycopy(with, 0, bytes, at, with.length);
    length += grow;
    return at + with.length;
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
