package io.mdmgen.world;

import java.nio.charset.StandardCharsets;

/**
 * Identifiers that are unique at any scale yet do not reveal the master index: keyed bijections
 * of the index, so two records can never collide and consecutive masters look unrelated.
 */
final class Ids {
  private static final byte[] CROCKFORD =
      "0123456789ABCDEFGHJKMNPQRSTVWXYZ".getBytes(StandardCharsets.US_ASCII);
  private static final long ACCOUNT_SPACE = 1_000_000_000_000L;

  private Ids() {}

  /** The two keys of {@link #sourceRecord} for {@code source} in the world seeded with {@code seed}. */
  static long[] sourceRecordKeys(long seed, int source) {
    return new long[] {Hash.entity(seed, 300 + source, 0), Hash.entity(seed, 300 + source, 1)};
  }

  /** A 64-bit bijection of (index, copy): indexes below 2^62, copies below 4. */
  static long sourceRecord(long[] keys, long index, int copy) {
    return Hash.mix(Hash.mix((index << 2 | copy) ^ keys[0]) ^ keys[1]);
  }

  /** The key of {@link #accountNumber} in the world seeded with {@code seed}. */
  static long accountKey(long seed) {
    return Hash.entity(seed, 310, 0);
  }

  /** A 12-digit account number: a keyed permutation of [0, 10^12) applied to the master index. */
  static long accountNumber(long key, long index) {
    long x = index;
    do {
      x = feistel40(x, key);
    } while (x >= ACCOUNT_SPACE); // cycle-walk back into the decimal range
    return x;
  }

  /** A four-round Feistel network: a bijection on [0, 2^40). */
  private static long feistel40(long x, long key) {
    long left = x >>> 20;
    long right = x & 0xFFFFF;
    for (int round = 0; round < 4; round++) {
      long f = Hash.mix(right ^ (key + round)) & 0xFFFFF;
      long next = left ^ f;
      left = right;
      right = next;
    }
    return left << 20 | right;
  }

  /** Appends {@code value} as 13 Crockford base-32 characters. */
  static void base32(long value, Utf8Buffer b) {
    int at = b.extend(13);
    byte[] out = b.bytes(); // after extend, which may have replaced the array
    for (int shift = 60; shift >= 0; shift -= 5) {
      out[at++] = CROCKFORD[(int) ((value >>> shift) & 31)];
    }
  }
}
