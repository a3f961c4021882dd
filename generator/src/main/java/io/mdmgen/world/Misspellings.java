package io.mdmgen.world;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Spelling errors that are not typing slips: OCR confusions ("m" read as "rn") and phonetic
 * respellings (Pudjijono's rules), from the tables {@code ocr.csv} and {@code phonetic.csv}. Each
 * says whether it can change a text, and changes it at a place and by a rule a draw picks among
 * those that apply, so an error drawn is always an error seen.
 */
final class Misspellings {
  private static final int ALL = 0, START = 1, MIDDLE = 2, END = 3;

  private final byte[][] ocrText;
  private final byte[][] ocrMisread;
  private final int[] ruleWhere;
  private final byte[][] rulePattern;
  private final byte[][] ruleReplacement;
  /** The confusions and rules whose text starts with each (lower-case) letter or byte. */
  private final int[][] ocrStarting = new int[128][];
  private final int[][] rulesStarting = new int[128][];

  Misspellings(List<String[]> ocr, List<String[]> phonetic) {
    ocrText = new byte[ocr.size()][];
    ocrMisread = new byte[ocr.size()][];
    for (int i = 0; i < ocr.size(); i++) {
      ocrText[i] = ocr.get(i)[0].getBytes(StandardCharsets.US_ASCII);
      ocrMisread[i] = ocr.get(i)[1].getBytes(StandardCharsets.US_ASCII);
    }
    ruleWhere = new int[phonetic.size()];
    rulePattern = new byte[phonetic.size()][];
    ruleReplacement = new byte[phonetic.size()][];
    for (int i = 0; i < phonetic.size(); i++) {
      String[] r = phonetic.get(i);
      ruleWhere[i] = switch (r[0]) {
        case "ALL" -> ALL;
        case "START" -> START;
        case "MIDDLE" -> MIDDLE;
        case "END" -> END;
        default -> throw new IllegalStateException("phonetic.csv: unknown position " + r[0]);
      };
      rulePattern[i] = r[1].getBytes(StandardCharsets.US_ASCII);
      ruleReplacement[i] = (r.length > 2 ? r[2] : "").getBytes(StandardCharsets.US_ASCII);
    }
    index(ocrText, ocrStarting);
    index(rulePattern, rulesStarting);
  }

  private static void index(byte[][] patterns, int[][] starting) {
    for (int c = 0; c < 128; c++) {
      int n = 0;
      for (byte[] p : patterns) {
        n += p[0] == c ? 1 : 0;
      }
      starting[c] = new int[n];
      n = 0;
      for (int i = 0; i < patterns.length; i++) {
        if (patterns[i][0] == c) {
          starting[c][n++] = i;
        }
      }
    }
  }

  /** The patterns that can match at {@code c}: those starting with it (in lower case for rules). */
  private static int[] at(int[][] starting, byte c, boolean lower) {
    if (lower && c >= 'A' && c <= 'Z') {
      c += 32;
    }
    return c >= 0 ? starting[c] : NONE;
  }

  private static final int[] NONE = new int[0];

  /** How many (place, confusion) pairs could misread {@code text[from, to)}. */
  int ocrChoices(byte[] text, int from, int to) {
    int n = 0;
    for (int at = from; at < to; at++) {
      for (int i : at(ocrStarting, text[at], false)) {
        n += matches(text, at, to, ocrText[i], false) ? 1 : 0;
      }
    }
    return n;
  }

  /** Misreads {@code b[from, to)} at the choice {@code draw} picks; returns the new end. */
  int ocr(long draw, Utf8Buffer b, int from, int to) {
    int pick = Hash.below(draw, Math.max(1, ocrChoices(b.bytes(), from, to)));
    for (int at = from; at < to; at++) {
      for (int i : at(ocrStarting, b.get(at), false)) {
        if (matches(b.bytes(), at, to, ocrText[i], false) && pick-- == 0) {
          return b.replace(at, ocrText[i].length, ocrMisread[i]) + (to - at - ocrText[i].length);
        }
      }
    }
    return to;
  }

  /** How many (place, rule) pairs could respell the name {@code text[from, to)}. */
  int phoneticChoices(byte[] text, int from, int to) {
    int n = 0;
    for (int at = from; at < to; at++) {
      for (int i : at(rulesStarting, text[at], true)) {
        n += applies(i, text, from, at, to) ? 1 : 0;
      }
    }
    return n;
  }

  /** Respells {@code b[from, to)} by the choice {@code draw} picks; returns the new end. */
  int phonetic(long draw, Utf8Buffer b, int from, int to) {
    int pick = Hash.below(draw, Math.max(1, phoneticChoices(b.bytes(), from, to)));
    for (int at = from; at < to; at++) {
      for (int i : at(rulesStarting, b.get(at), true)) {
        if (applies(i, b.bytes(), from, at, to) && pick-- == 0) {
          byte[] r = ruleReplacement[i];
          boolean capital = b.get(at) >= 'A' && b.get(at) <= 'Z';
          int end = b.replace(at, rulePattern[i].length, r);
          if (capital && r.length > 0 && r[0] >= 'a' && r[0] <= 'z') {
            b.set(at, (byte) (r[0] - 32));
          }
          return end + (to - at - rulePattern[i].length);
        }
      }
    }
    return to;
  }

  /**
   * Whether rule {@code i} respells the name at {@code at}: the pattern is there (whatever the
   * case), in the place the rule names, and the name keeps two letters and changes.
   */
  private boolean applies(int i, byte[] text, int from, int at, int to) {
    byte[] p = rulePattern[i];
    if (!matches(text, at, to, p, true)) {
      return false;
    }
    int end = at + p.length;
    boolean ok = switch (ruleWhere[i]) {
      case START -> at == from;
      case END -> end == to;
      case MIDDLE -> at > from && end < to;
      default -> true;
    };
    return ok && (to - from) - p.length + ruleReplacement[i].length >= 2
        && !sameIgnoringCase(text, at, p.length, ruleReplacement[i]);
  }

  private static boolean sameIgnoringCase(byte[] text, int at, int length, byte[] r) {
    if (length != r.length) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if ((text[at + k] | 0x20) != (r[k] | 0x20)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(byte[] text, int at, int to, byte[] p, boolean ignoreCase) {
    if (at + p.length > to) {
      return false;
    }
    for (int k = 0; k < p.length; k++) {
      byte c = text[at + k];
      if (ignoreCase && c >= 'A' && c <= 'Z') {
        c += 32;
      }
      if (c != p[k]) {
        return false;
      }
    }
    return true;
  }
}
