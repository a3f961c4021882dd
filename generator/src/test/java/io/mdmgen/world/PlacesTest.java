package io.mdmgen.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlacesTest {
  /**
   * Places given in any order are numbered by population, the most populous first; each draw is
   * the place a weighted table of the populations in the given order draws, and each record
   * holds its own place's ZIP, state, city and area codes.
   */
  @Test
  void placesAreNumberedByPopulationAndDrawnAsTheirWeights() {
    List<String[]> rows = new ArrayList<>();
    long[] population = new long[3_000];
    for (int i = 0; i < population.length; i++) {
      population[i] = 1 + Math.floorMod(i * 7919L, 3_001) * (i % 3 == 0 ? 100 : 1);
      String codes = (200 + i % 700) + (i % 4 == 0 ? " 917 212" : "");
      rows.add(new String[] {String.format("%05d", i), i % 50 == 0 ? "Lake Havasu City West Side" : "Town " + i,
          i % 2 == 0 ? "NY" : "CA", codes, Long.toString(population[i])});
    }
    Places places = new Places(rows);
    Weighted given = Weighted.of(population);
    int[] rankOf = new int[rows.size()];
    for (int r = 0; r < places.count(); r++) {
      String zip = new String(places.text(), places.zipAt(r), 5, StandardCharsets.US_ASCII);
      int i = Integer.parseInt(zip);
      rankOf[i] = r;
      String[] row = rows.get(i);
      assertEquals(row[2], new String(places.text(), places.stateAt(r), 2, StandardCharsets.US_ASCII));
      assertEquals(row[1], new String(places.text(), places.cityAt(r), places.cityLength(r), StandardCharsets.UTF_8));
      String[] codes = row[3].split(" ");
      long packed = places.areaCodes(r);
      assertEquals(codes.length, packed & 7);
      for (int j = 0; j < codes.length; j++) {
        assertEquals(Integer.parseInt(codes[j]), (packed >>> (3 + 10 * j)) & 1023);
      }
      if (r > 0) {
        long before = population[Integer.parseInt(new String(places.text(), places.zipAt(r - 1), 5, StandardCharsets.US_ASCII))];
        assertEquals(true, before >= population[i], "rank " + r);
      }
    }
    for (long d = 0; d < 200_000; d++) {
      long h = Hash.of(7, d);
      assertEquals(rankOf[given.pick(h)], places.pick(h), "draw " + d);
    }
  }
}
