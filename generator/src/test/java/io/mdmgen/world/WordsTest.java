package io.mdmgen.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {
  /** Words short and long (past the record's own room), in UTF-8, with their handles. */
  @Test
  void everyWordAndHandleReadsBackAsWritten() {
    List<String> words = new ArrayList<>();
    long[] counts = new long[2_000];
    for (int i = 0; i < counts.length; i++) {
      String w = i % 7 == 0 ? "Vander-Westhuizen-Maclaughlin" + i : i % 5 == 0 ? "Núñez" + i : "O'Neil" + i;
      words.add(w);
      counts[i] = 10_000 - i;
    }
    Words packed = new Words(words, counts);
    for (int i = 0; i < words.size(); i++) {
      byte[] text = words.get(i).getBytes(StandardCharsets.UTF_8);
      byte[] handle = Dictionaries.handle(text);
      int at = packed.at(i);
      assertEquals(words.get(i), new String(packed.text(), at, packed.length(i), StandardCharsets.UTF_8));
      assertTrue(Arrays.equals(handle, Arrays.copyOfRange(packed.text(), packed.handleAt(i),
          packed.handleAt(i) + packed.handleLength(i))), "handle of " + words.get(i));
      assertTrue(packed.is(i, text));
      Utf8Buffer b = new Utf8Buffer();
      packed.append(b.append('x'), i);
      assertEquals("x" + words.get(i), new String(b.bytes(), 0, b.length(), StandardCharsets.UTF_8));
    }
  }

  /** Columns laid into the words' records draw exactly what a table of their own draws. */
  @Test
  void drawsAreThoseOfAWeightedTableOfTheSameCounts() {
    List<String> words = new ArrayList<>();
    long[] counts = new long[5_000];
    for (int i = 0; i < counts.length; i++) {
      words.add("w" + i);
      counts[i] = 1 + 1_000_000 / (i + 1);
    }
    Weighted own = Weighted.of(counts);
    Weighted inRecords = new Words(words, counts).weights();
    for (long d = 0; d < 200_000; d++) {
      long h = Hash.of(99, d);
      assertEquals(own.pick(h), inRecords.pick(h), "draw " + d);
    }
  }

  @Test
  void countsMustFall() {
    assertThrows(IllegalArgumentException.class,
        () -> new Words(List.of("a", "b", "c"), new long[] {3, 1, 2}));
  }
}
