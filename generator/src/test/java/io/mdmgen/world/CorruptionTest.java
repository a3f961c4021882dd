package io.mdmgen.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmgen.world.Corruption.Kind;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every error a record is said to carry is one a reader of the record can see. */
class CorruptionTest {
  static final World WORLD = new WorldSpec(42, WorldSpec.DEFAULT_AS_OF, Scenario.defaults()).world();

  @Test
  void everyRealizedErrorIsVisibleInTheOutput() {
    Master m = new Master();
    Variation v = new Variation();
    Map<Kind, Integer> checked = new EnumMap<>(Kind.class);
    for (SourceSystem s : SourceSystem.values()) {
      for (long i = 0; i < 40_000; i++) {
        WORLD.master(i, m);
        WORLD.vary(m, s, 0, v);
        Map<Column, Object> with = render(m, s, v);
        for (Kind k : Kind.values()) {
          if (!v.has(k)) {
            continue;
          }
          Variation without = without(v, k);
          Map<Column, Object> clean = render(m, s, without);
          Column where = column(v, k);
          assertNotEquals(clean.get(where), with.get(where),
              s + " record of master " + i + ": " + k.key() + " on " + where + " changes nothing");
          checked.merge(k, 1, Integer::sum);
        }
      }
    }
    for (Kind k : Kind.values()) {
      assertTrue(checked.getOrDefault(k, 0) > 50, k + " checked " + checked.get(k) + " times");
    }
  }

  @Test
  void errorsClusterInMessyRecords() {
    Census c = Written.census(WORLD, 200_000);
    for (SourceSystem s : SourceSystem.values()) {
      long[] per = c.errorsPerRecord(s);
      double records = c.records(s);
      double mean = 0;
      for (int n = 0; n < per.length; n++) {
        mean += n * per[n] / records;
      }
      double several = 1 - (per[0] + per[1]) / records;
      // Independent errors at this mean would give about 1 - e^-m (1 + m) records with two or more.
      double independent = 1 - Math.exp(-mean) * (1 + mean);
      assertTrue(several > 1.1 * independent, s + ": " + several + " with 2+ errors, "
          + independent + " if independent");
    }
  }

  @Test
  void anInsertedKeyTakesTheCaseOfTheWordNotOfTheLetterBeforeIt() {
    for (long draw = 0; draw < 5_000; draw++) {
      Utf8Buffer b = new Utf8Buffer().append("Lydia");
      Typos.apply(Hash.mix(draw), b, 0, b.length());
      String typo = new String(b.bytes(), 0, b.length(), java.nio.charset.StandardCharsets.US_ASCII);
      assertTrue(typo.substring(1).chars().noneMatch(Character::isUpperCase)
          || typo.length() < 5 || typo.charAt(1) == 'L', "Lydia -> " + typo);
      Utf8Buffer upper = new Utf8Buffer().append("LYDIA");
      Typos.apply(Hash.mix(draw), upper, 0, upper.length());
      String u = new String(upper.bytes(), 0, upper.length(), java.nio.charset.StandardCharsets.US_ASCII);
      assertEquals(u.toUpperCase(java.util.Locale.ROOT), u, "LYDIA -> " + u);
    }
  }

  @Test
  void yearsOfDaysAreThoseOfTheCalendar() {
    for (int day = -800_000; day < 800_000; day += 37) {
      assertEquals(java.time.LocalDate.ofEpochDay(day).getYear(), Digits.year(day), "day " + day);
    }
  }

  static Map<Column, Object> render(Master m, SourceSystem s, Variation v) {
    RecordingSink sink = new RecordingSink();
    WORLD.writeSource(m, s, 0, v, sink);
    return new EnumMap<>(sink.row);
  }

  /** {@code v} without its error of kind {@code k}. */
  static Variation without(Variation v, Kind k) {
    Variation w = new Variation();
    w.key = v.key;
    w.copy = v.copy;
    w.nameKind = v.nameKind;
    w.upperCase = v.upperCase;
    w.nickname = v.nickname;
    w.middleShown = v.middleShown;
    w.suffixShown = v.suffixShown;
    w.staleAddress = v.staleAddress;
    w.addressFormat = v.addressFormat;
    w.phoneFormat = v.phoneFormat;
    w.emailDomain = v.emailDomain;
    w.domainChanged = v.domainChanged;
    w.errors = v.errors & ~k.bit();
    w.typo = k == Kind.TYPO ? null : v.typo;
    w.typoDraw = v.typoDraw;
    w.ocr = k == Kind.OCR ? null : v.ocr;
    w.ocrDraw = v.ocrDraw;
    w.phonetic = k == Kind.PHONETIC ? null : v.phonetic;
    w.phoneticDraw = v.phoneticDraw;
    w.truncated = k == Kind.TRUNCATE ? null : v.truncated;
    w.truncateDraw = v.truncateDraw;
    w.digitDraw = v.digitDraw;
    w.missing = k == Kind.MISSING ? null : v.missing;
    return w;
  }

  static Column column(Variation v, Kind k) {
    Column c = switch (k) {
      case TYPO -> v.typo;
      case OCR -> v.ocr;
      case PHONETIC -> v.phonetic;
      case TRUNCATE -> v.truncated;
      case MISSING -> v.missing;
      case SWAP_NAMES -> Column.FIRST_NAME;
      case DOB_SWAP, DOB_DIGIT -> Column.DATE_OF_BIRTH;
      case ZIP_DIGIT -> Column.ZIP_CODE;
      case PHONE_DIGIT -> Column.PHONE;
    };
    assertNotNull(c, k + " has a column");
    if (v.has(Kind.SWAP_NAMES) && k != Kind.SWAP_NAMES) { // each name is in the other's field
      return c == Column.FIRST_NAME ? Column.LAST_NAME : c == Column.LAST_NAME ? Column.FIRST_NAME : c;
    }
    return c;
  }
}
