package io.mdmgen.world;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Constant text as the bytes rows are composed of. */
final class Text {
  private Text() {}

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[][] ascii(String... words) {
    byte[][] out = new byte[words.length][];
    for (int i = 0; i < words.length; i++) {
      out[i] = ascii(words[i]);
    }
    return out;
  }

  /** {@code text} as is (0), upper-cased (1) or lower-cased (2), as {@link Utf8Buffer} does. */
  static byte[] cased(int textCase, byte[] text) {
    Utf8Buffer b = new Utf8Buffer().append(text);
    if (textCase == 1) {
      b.upper(0, b.length());
    } else if (textCase == 2) {
      b.lower(0, b.length());
    }
    return Arrays.copyOf(b.bytes(), b.length());
  }

  /** Writes the text appended to {@code b} since {@code at} as {@code column}. */
  static void put(RowSink out, Column column, Utf8Buffer b, int at) {
    out.string(column, b.bytes(), at, b.length() - at);
  }

  static void put(RowSink out, Column column, byte[] text) {
    out.string(column, text, 0, text.length);
  }
}
