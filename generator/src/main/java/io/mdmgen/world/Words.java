package io.mdmgen.world;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A long weighted word list packed for the cache: each word is a 32-byte record holding the
 * alias column of the draws that land on it ({@link Weighted#intoRecords}), where its text is,
 * and, for nine words in ten, the text itself and its handle (the word as emails and usernames
 * hold it: ASCII letters and digits, lower case). Drawing a word and writing it reads one cache
 * line, where an alias table, an index and the text apart cost three misses: for the 162,252
 * surnames, most of what a rare one costs.
 */
final class Words {
  private static final int STRIDE = 32;
  /** Per record: the column (8 bytes), the text's offset (4), text and handle length (1 each). */
  private static final int AT = 8, LENGTH = 12, HANDLE_LENGTH = 13, INLINE = 14;
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /** The records, then the text of the words too long for their own. */
  private final byte[] text;
  private final Weighted weights;

  /** {@code words} with their {@code counts}, the commonest first. */
  Words(List<String> words, long[] counts) {
    int n = words.size();
    byte[][] word = new byte[n][];
    byte[][] handle = new byte[n][];
    int overflow = 0;
    for (int i = 0; i < n; i++) {
      word[i] = words.get(i).getBytes(StandardCharsets.UTF_8);
      handle[i] = Dictionaries.handle(word[i]);
      if (word[i].length > 255 || handle[i].length > 255) {
        throw new IllegalStateException("word too long: " + words.get(i));
      }
      int length = word[i].length + handle[i].length;
      overflow += length > STRIDE - INLINE ? length : 0;
    }
    text = new byte[n * STRIDE + overflow];
    int next = n * STRIDE;
    for (int i = 0; i < n; i++) {
      int record = i * STRIDE;
      int length = word[i].length + handle[i].length;
      int at = length > STRIDE - INLINE ? next : record + INLINE;
      next += at == next ? length : 0;
      INTS.set(text, record + AT, at);
      text[record + LENGTH] = (byte) word[i].length;
      text[record + HANDLE_LENGTH] = (byte) handle[i].length;
      System.arraycopy(word[i], 0, text, at, word[i].length);
      System.arraycopy(handle[i], 0, text, at + word[i].length, handle[i].length);
    }
    weights = Weighted.intoRecords(counts, text, STRIDE);
  }

  /** Draws a word by its count. */
  Weighted weights() {
    return weights;
  }

  /** The array that holds every word's bytes, at {@link #at} and {@link #handleAt}. */
  byte[] text() {
    return text;
  }

  int at(int i) {
    return (int) INTS.get(text, i * STRIDE + AT);
  }

  int length(int i) {
    return text[i * STRIDE + LENGTH] & 0xFF;
  }

  int handleAt(int i) {
    return at(i) + length(i);
  }

  int handleLength(int i) {
    return text[i * STRIDE + HANDLE_LENGTH] & 0xFF;
  }

  Utf8Buffer append(Utf8Buffer b, int i) {
    return b.append(text, at(i), length(i));
  }

  /** Writes word {@code i} as {@code column}. */
  void put(RowSink out, Column column, int i) {
    out.string(column, text, at(i), length(i));
  }

  /** Whether word {@code i} is {@code other}. */
  boolean is(int i, byte[] other) {
    int at = at(i);
    return Arrays.equals(text, at, at + length(i), other, 0, other.length);
  }
}
