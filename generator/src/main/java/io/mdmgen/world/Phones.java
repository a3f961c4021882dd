package io.mdmgen.world;

import static io.mdmgen.world.Fields.AREA;
import static io.mdmgen.world.Fields.EXCHANGE;
import static io.mdmgen.world.Fields.LINE;

import java.util.Arrays;

/**
 * Phone numbers: valid US numbers whose area code serves the customer's place, drawn the same
 * way when a customer appears and when it changes number, and their text in five formats.
 */
final class Phones {
  private final Dictionaries dict;

  Phones(Dictionaries dictionaries) {
    this.dict = dictionaries;
  }

  /** Draws {@code m}'s number from {@code key} (its own, its household's, or a change's) for its home. */
  void draw(long key, Master m) {
    long codes = dict.places.areaCodes(m.home.place);
    int code = Hash.below(Hash.of(key, AREA), (int) (codes & 7));
    m.areaCode = (int) (codes >>> (3 + 10 * code)) & 1023;
    // Only exchanges in service for the area code (at least 86% of them, so few redraws).
    long h = Hash.of(key, EXCHANGE);
    do {
      m.exchange = 200 + Hash.below(h, 800);
      h = Hash.mix(h);
    } while (!dict.validExchange(m.areaCode, m.exchange));
    m.line = Hash.below(Hash.of(key, LINE), 10_000);
  }

  /** Appends the number as golden records hold it: E.164, "+15552345678". */
  static void e164(Master m, Utf8Buffer b) {
    b.append("+1").appendDigits(m.areaCode, 3).appendDigits(m.exchange, 3).appendDigits(m.line, 4);
  }

  /**
   * Appends the number in one of five formats, copied from a template by format, digits put in
   * place: branches on a format drawn per record mispredict.
   */
  static void format(Master m, int format, Utf8Buffer b) {
    int at = b.appendTemplate(TEMPLATE[format], LENGTH[format]);
    b.putDigits(at + AREA_AT[format], m.areaCode, 3);
    b.putDigits(at + EXCHANGE_AT[format], m.exchange, 3);
    b.putDigits(at + LINE_AT[format], m.line, 4);
  }

  /** 0 "(555) 234-5678", 1 "555-234-5678", 2 "555.234.5678", 3 "5552345678", 4 "+1 555 234 5678". */
  private static final String[] FORMATS = {"(AAA) EEE-LLLL", "AAA-EEE-LLLL", "AAA.EEE.LLLL",
      "AAAEEELLLL", "+1 AAA EEE LLLL"};
  private static final byte[][] TEMPLATE = new byte[FORMATS.length][];
  private static final int[] LENGTH = new int[FORMATS.length];
  private static final int[] AREA_AT = new int[FORMATS.length];
  private static final int[] EXCHANGE_AT = new int[FORMATS.length];
  private static final int[] LINE_AT = new int[FORMATS.length];

  static {
    for (int f = 0; f < FORMATS.length; f++) {
      String format = FORMATS[f];
      TEMPLATE[f] = Arrays.copyOf(Text.ascii(format), Utf8Buffer.TEMPLATE);
      LENGTH[f] = format.length();
      AREA_AT[f] = format.indexOf('A');
      EXCHANGE_AT[f] = format.indexOf('E');
      LINE_AT[f] = format.indexOf('L');
    }
  }
}
