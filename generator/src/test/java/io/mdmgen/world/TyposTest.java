package io.mdmgen.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TyposTest {
  @Test
  void aTypoIsAlwaysExactlyOneKeyboardEditOnALetter() {
    String[] words = {"Johnson", "Ann", "Li", "Mississippi", "O'Neil", "12 Oak St Apt 4", "jsmith42"};
    for (String word : words) {
      for (long draw = 0; draw < 2_000; draw++) {
        Utf8Buffer b = new Utf8Buffer();
        b.append("<").append(word.getBytes(StandardCharsets.UTF_8)).append(">");
        Typos.apply(Hash.mix(draw), b, 1, b.length() - 1);
        String out = new String(b.bytes(), 0, b.length(), StandardCharsets.UTF_8);
        assertEquals('<', out.charAt(0));
        assertEquals('>', out.charAt(out.length() - 1));
        String changed = out.substring(1, out.length() - 1);
        assertEquals(1, distance(word, changed), word + " -> " + changed);
        assertEquals(word.replaceAll("[A-Za-z]", ""), changed.replaceAll("[A-Za-z]", ""),
            "only letters are touched: " + word + " -> " + changed);
      }
    }
  }

  /** Optimal-string-alignment distance: insertions, deletions, substitutions, transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
