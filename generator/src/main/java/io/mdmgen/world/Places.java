package io.mdmgen.world;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The places people live in, weighted by population: each a ZIP code with its city, state and
 * the area codes that serve it. A place is a 64-byte record, the most populous first, that holds
 * all of it and the alias column of the draws that land on it ({@link Weighted#intoRecords}):
 * drawing a home and writing its city, state, ZIP and phone reads one cache line, not four.
 */
final class Places {
  private static final int STRIDE = 64;
  /** Per record: column, area codes, city and state ids (8 bytes each), city length, ZIP, state, city. */
  private static final int AREA_CODES = 8, CITY_STATE = 16, CITY_LENGTH = 24, ZIP = 25, STATE = 30,
      CITY = 32;
  private static final int MAX_AREA_CODES = 6;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] records;
  private final Weighted weights;

  /** Rows of zip, city, state, area codes (space-separated) and population. */
  Places(List<String[]> rows) {
    int n = rows.size();
    long[] population = new long[n];
    Map<String, Integer> ids = new HashMap<>();
    long[] cityState = new long[n];
    Set<String> zips = new HashSet<>();
    for (int i = 0; i < n; i++) {
      String[] p = rows.get(i);
      if (p[0].length() != 5 || p[2].length() != 2 || !zips.add(p[0])) {
        throw new IllegalStateException("bad or repeated place row " + String.join(",", p));
      }
      if (p[1].getBytes(StandardCharsets.UTF_8).length > STRIDE - CITY) {
        throw new IllegalStateException("city name longer than " + (STRIDE - CITY) + " bytes: " + p[1]);
      }
      long city = ids.computeIfAbsent("city " + p[1], k -> ids.size());
      long state = ids.computeIfAbsent("state " + p[2], k -> ids.size());
      cityState[i] = city << 32 | state;
      population[i] = Long.parseLong(p[4]);
    }
    // The most populous first (ties in the table's order): the draws of Weighted.of(population),
    // each place renumbered by its rank.
    int[] byRank = IntStream.range(0, n).boxed()
        .sorted(Comparator.comparingLong((Integer i) -> -population[i]).thenComparingInt(i -> i))
        .mapToInt(Integer::intValue).toArray();
    records = new byte[n * STRIDE];
    long[] falling = new long[n];
    for (int r = 0; r < n; r++) {
      String[] p = rows.get(byRank[r]);
      int at = r * STRIDE;
      String[] codes = p[3].split(" ");
      int count = Math.min(codes.length, MAX_AREA_CODES);
      long packed = count;
      for (int j = 0; j < count; j++) {
        packed |= (long) Integer.parseInt(codes[j]) << (3 + 10 * j);
      }
      LONGS.set(records, at + AREA_CODES, packed);
      LONGS.set(records, at + CITY_STATE, cityState[byRank[r]]);
      byte[] city = p[1].getBytes(StandardCharsets.UTF_8);
      records[at + CITY_LENGTH] = (byte) city.length;
      System.arraycopy((p[0] + p[2]).getBytes(StandardCharsets.US_ASCII), 0, records, at + ZIP, 7);
      System.arraycopy(city, 0, records, at + CITY, city.length);
      falling[r] = population[byRank[r]];
    }
    weights = Weighted.intoRecords(falling, records, STRIDE);
  }

  /** A place drawn by population. */
  int pick(long h) {
    return weights.pick(h);
  }

  int count() {
    return records.length / STRIDE;
  }

  /** The array that holds every place's text, at {@link #zipAt}, {@link #stateAt}, {@link #cityAt}. */
  byte[] text() {
    return records;
  }

  /** Where place {@code p}'s 5-digit ZIP code is in {@link #text}. */
  int zipAt(int p) {
    return p * STRIDE + ZIP;
  }

  /** Where place {@code p}'s 2-letter state is in {@link #text}. */
  int stateAt(int p) {
    return p * STRIDE + STATE;
  }

  int cityAt(int p) {
    return p * STRIDE + CITY;
  }

  int cityLength(int p) {
    return records[p * STRIDE + CITY_LENGTH];
  }

  /** Up to six area codes, 10 bits each above a 3-bit count. */
  long areaCodes(int p) {
    return (long) LONGS.get(records, p * STRIDE + AREA_CODES);
  }

  /** Place {@code p}'s city id in the upper half, its state's in the lower (equal text, equal id). */
  long cityState(int p) {
    return (long) LONGS.get(records, p * STRIDE + CITY_STATE);
  }
}
