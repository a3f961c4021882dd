package io.mdmgen.world;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A long word list packed for the cache: every word's text and its handle (the word as emails
 * and usernames hold it: ASCII letters and digits, lower case) side by side in one array, found
 * through one long per word. A row reads a word in one or two cache lines, where an array of
 * arrays costs four misses (two references, two objects): for the 162,252 surnames this is the
 * difference between fitting in the last-level cache and not.
 */
final class Words {
  private final byte[] text;
  /** Per word: offset << 16 | text length << 8 | handle length. */
  private final long[] entries;

  Words(List<String> words) {
    entries = new long[words.size()];
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < entries.length; i++) {
      byte[] word = words.get(i).getBytes(StandardCharsets.UTF_8);
      byte[] handle = Dictionaries.handle(word);
      if (word.length > 255 || handle.length > 255) {
        throw new IllegalStateException("word too long: " + words.get(i));
      }
      entries[i] = (long) out.size() << 16 | (long) word.length << 8 | handle.length;
      out.writeBytes(word);
      out.writeBytes(handle);
    }
    text = out.toByteArray();
  }

  /** The array that holds every word's bytes, at {@link #at} and {@link #handleAt}. */
  byte[] text() {
    return text;
  }

  int at(int i) {
    return (int) (entries[i] >>> 16);
  }

  int length(int i) {
    return (int) (entries[i] >>> 8) & 0xFF;
  }

  int handleAt(int i) {
    long e = entries[i];
    return (int) (e >>> 16) + ((int) (e >>> 8) & 0xFF);
  }

  int handleLength(int i) {
    return (int) entries[i] & 0xFF;
  }

  Utf8Buffer append(Utf8Buffer b, int i) {
    long e = entries[i];
    return b.append(text, (int) (e >>> 16), (int) (e >>> 8) & 0xFF);
  }

  /** Writes word {@code i} as {@code column}. */
  void put(RowSink out, Column column, int i) {
    long e = entries[i];
    out.string(column, text, (int) (e >>> 16), (int) (e >>> 8) & 0xFF);
  }

  /** Whether word {@code i} is {@code other}. */
  boolean is(int i, byte[] other) {
    int at = at(i);
    return Arrays.equals(text, at, at + length(i), other, 0, other.length);
  }
}
