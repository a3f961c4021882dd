package io.mdmgen.world;

/**
 * One keyboard typo in a byte range: a QWERTY neighbour substituted or inserted, two letters
 * transposed, or a letter deleted. It always lands on a letter and always changes the text. A
 * substituted key keeps the case of the letter it replaces; an inserted one is lower case unless
 * the letters around it are upper case, as a slip of the finger is ("Lydia" gives "Lkydia").
 */
final class Typos {
  private static final String[] NEIGHBOURS = {
    "qwsz", "vghn", "xdfv", "serfcx", "wrds", "drtgvc", "ftyhbv", "gyujnb", "uojk", "huikmn",
    "jiolm", "kop", "njk", "bhjm", "iplk", "ol", "wa", "etdf", "awedxz", "ryfg", "yihj", "cfgb",
    "qeas", "zsdc", "tugh", "asx"
  };

  private Typos() {}

  static void apply(long draw, Utf8Buffer b, int from, int to) {
    int n = to - from;
    int pos = -1;
    int start = Hash.below(draw, Math.max(n, 1));
    for (int i = 0; i < n; i++) {
      int p = from + (start + i) % n;
      if (letter(b.get(p))) {
        pos = p;
        break;
      }
    }
    if (pos < 0) {
      return;
    }
    long h = Hash.mix(draw);
    int op = (int) (h & 3);
    if (op == 1 && !(pos + 1 < to && letter(b.get(pos + 1))
        && lower(b.get(pos)) != lower(b.get(pos + 1)))) {
      op = 0; // nothing to transpose here: substitute instead
    }
    if (op == 2 && n < 3) {
      op = 0; // keep at least two characters
    }
    switch (op) {
      case 0 -> b.set(pos, neighbour(b.get(pos), h >>> 8));
      case 1 -> {
        byte c = b.get(pos);
        b.set(pos, b.get(pos + 1));
        b.set(pos + 1, c);
      }
      case 2 -> b.delete(pos);
      default -> {
        boolean upper = isUpper(b.get(pos)) && (pos + 1 >= to || !letter(b.get(pos + 1))
            || isUpper(b.get(pos + 1)));
        b.insert(pos + 1, neighbour(upper ? b.get(pos) : (byte) lower(b.get(pos)), h >>> 8));
      }
    }
  }

  private static byte neighbour(byte c, long h) {
    String keys = NEIGHBOURS[lower(c) - 'a'];
    byte k = (byte) keys.charAt(Hash.below(h, keys.length()));
    return c >= 'A' && c <= 'Z' ? (byte) (k - 32) : k;
  }

  private static boolean isUpper(byte c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean letter(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static int lower(byte c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  }
}
