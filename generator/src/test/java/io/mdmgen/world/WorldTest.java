package io.mdmgen.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorldTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);
  static World world;
  static Map<String, String[]> places; // zip -> {city, state, area codes}

  @BeforeAll
  static void load() throws Exception {
    world = new WorldSpec(42, AS_OF, Scenario.defaults()).world();
    places = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        WorldTest.class.getResourceAsStream("places.csv"), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        String[] p = line.split(",");
        places.put(p[0], new String[] {p[1], p[2], p[3]});
      }
    }
  }

  static Map<Column, Object> golden(World w, long index) {
    Master m = new Master();
    w.master(index, m);
    RecordingSink sink = new RecordingSink();
    w.writeMaster(m, sink);
    return sink.row;
  }

  static Map<Column, Object> source(World w, long index, SourceSystem s, int copy, Variation v) {
    Master m = new Master();
    w.master(index, m);
    w.vary(m, s, copy, v);
    RecordingSink sink = new RecordingSink();
    w.writeSource(m, s, copy, v, sink);
    return sink.row;
  }

  @Test
  void aMasterIsAPureFunctionOfSeedAndIndex() {
    World other = new WorldSpec(42, AS_OF, Scenario.defaults()).world();
    for (long i : new long[] {0, 1, 12_345, 999_999_999_999L}) {
      assertEquals(golden(world, i), golden(other, i));
      assertEquals(source(world, i, SourceSystem.CRM, 1, new Variation()),
          source(other, i, SourceSystem.CRM, 1, new Variation()));
    }
    World reseeded = new WorldSpec(43, AS_OF, Scenario.defaults()).world();
    assertNotEquals(golden(world, 7), golden(reseeded, 7));
  }

  @Test
  void goldenCustomersAreCoherent() {
    PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    for (long i = 0; i < 20_000; i++) {
      Map<Column, Object> r = golden(world, i);
      String[] place = places.get((String) r.get(Column.ZIP_CODE));
      assertNotNull(place, "zip is a real ZIP code");
      assertEquals(place[0], r.get(Column.CITY));
      assertEquals(place[1], r.get(Column.STATE));

      String phone = (String) r.get(Column.PHONE);
      assertTrue(phone.matches("\\+1[2-9]\\d{2}[2-9]\\d{6}"), phone);
      PhoneNumber parsed = parse(phones, phone);
      assertTrue(phones.isValidNumber(parsed), phone + " is a valid NANP number");
      assertEquals("US", phones.getRegionCodeForNumber(parsed), phone);
      assertTrue(place[2].contains(phone.substring(2, 5)), phone + " area code serves " + place[0]);

      String first = alnum((String) r.get(Column.FIRST_NAME));
      String last = alnum((String) r.get(Column.LAST_NAME));
      String local = ((String) r.get(Column.EMAIL)).split("@")[0].replaceAll("\\d+$", "");
      Set<String> forms = Set.of(first + "." + last, first + last, first.charAt(0) + last,
          first + "_" + last, first + last.charAt(0));
      assertTrue(forms.contains(local), r.get(Column.EMAIL) + " derives from " + first + " " + last);

      LocalDate born = (LocalDate) r.get(Column.DATE_OF_BIRTH);
      LocalDate registered = (LocalDate) r.get(Column.REGISTRATION_DATE);
      LocalDate active = (LocalDate) r.get(Column.LAST_ACTIVITY_DATE);
      assertFalse(registered.isBefore(born.plusYears(18).minusDays(1)), "registered as an adult");
      assertFalse(active.isBefore(registered), "activity never before registration");
      assertFalse(active.isAfter(AS_OF), "nothing after --as-of");
      assertEquals(!active.isBefore(AS_OF.minusDays(365)), r.get(Column.IS_ACTIVE));
      assertTrue(((java.math.BigDecimal) r.get(Column.ANNUAL_INCOME)).signum() > 0);
    }
  }

  @Test
  void incomeIsSkewedWithinSegments() {
    Map<String, double[]> bySegment = new HashMap<>();
    for (long i = 0; i < 50_000; i++) {
      Map<Column, Object> r = golden(world, i);
      double income = ((java.math.BigDecimal) r.get(Column.ANNUAL_INCOME)).doubleValue();
      double[] acc = bySegment.computeIfAbsent((String) r.get(Column.CUSTOMER_SEGMENT), k -> new double[3]);
      acc[0]++;
      acc[1] += income;
      acc[2] += Math.log(income);
    }
    assertEquals(Set.of("Basic", "Regular", "Premium", "VIP"), bySegment.keySet());
    double previous = 0;
    for (String s : List.of("Basic", "Regular", "Premium", "VIP")) {
      double[] acc = bySegment.get(s);
      double mean = acc[1] / acc[0];
      double median = Math.exp(acc[2] / acc[0]);
      assertTrue(mean > median, s + ": log-normal, so the mean exceeds the median");
      assertTrue(median > previous, s + " earns more than the segment below");
      previous = median;
    }
  }

  @Test
  void copiesOfOneMasterNeverComeOutAsClones() {
    int compared = 0;
    for (long i = 0; i < 30_000; i++) {
      long key = world.masterKey(i);
      for (SourceSystem s : SourceSystem.values()) {
        Set<Map<Column, Object>> seen = new HashSet<>();
        int copies = world.copies(key, s);
        for (int c = 0; c < copies; c++) {
          Map<Column, Object> r = new EnumMap<>(source(world, i, s, c, new Variation()));
          r.remove(Column.SOURCE_RECORD_ID);
          assertTrue(seen.add(r), "copy " + c + " of master " + i + " in " + s + " repeats another");
          compared += c > 0 ? 1 : 0;
        }
      }
    }
    assertTrue(compared > 5_000, "enough duplicates were compared: " + compared);
  }

  @Test
  void variationsTouchOnlyWhatTheyClaim() {
    Variation v = new Variation();
    int nicknames = 0;
    int typos = 0;
    for (long i = 0; i < 30_000; i++) {
      Map<Column, Object> g = golden(world, i);
      Map<Column, Object> r = source(world, i, SourceSystem.CRM, 0, v);
      long nulls = r.entrySet().stream()
          .filter(e -> e.getValue() == null && g.get(e.getKey()) != null)
          .filter(e -> e.getKey() != Column.ANNUAL_INCOME) // what a customer told a system
          .count();
      boolean visible = v.missing() != null && g.get(v.missing()) != null;
      assertEquals(visible ? 1 : 0, nulls, "exactly one field missing that the master has");
      if (v.missing() != null) {
        assertNull(r.get(v.missing()));
      }
      boolean lastTouched = v.typo() == Column.LAST_NAME || v.ocr == Column.LAST_NAME
          || v.suffixShown == 1
          || v.phonetic == Column.LAST_NAME || v.truncated == Column.LAST_NAME
          || v.has(Corruption.Kind.SWAP_NAMES);
      // A typo can turn a nickname back into the name (Lindsey -> Lindsay).
      boolean firstSpelled = v.ocr == Column.FIRST_NAME || v.phonetic == Column.FIRST_NAME
          || v.typo() == Column.FIRST_NAME
          || v.truncated == Column.FIRST_NAME || v.has(Corruption.Kind.SWAP_NAMES);
      if (v.nameKind() == Variation.NICKNAME && !lastTouched && !firstSpelled) {
        nicknames++;
        assertEquals(g.get(Column.LAST_NAME), r.get(Column.LAST_NAME), "nickname on the first name only");
        assertNotEquals(g.get(Column.FIRST_NAME), r.get(Column.FIRST_NAME));
      }
      if (v.typo() == Column.LAST_NAME && v.nameKind() != Variation.CASE
          && v.ocr != Column.LAST_NAME && v.phonetic != Column.LAST_NAME
          && v.truncated != Column.LAST_NAME && !v.has(Corruption.Kind.SWAP_NAMES)
          && v.suffixShown != 1) {
        typos++;
        assertEquals(1, TyposTest.distance((String) g.get(Column.LAST_NAME), (String) r.get(Column.LAST_NAME)),
            g.get(Column.LAST_NAME) + " -> " + r.get(Column.LAST_NAME));
      }
      if (v.missing() != Column.EMAIL) {
        String domain = ((String) r.get(Column.EMAIL)).split("@")[1];
        assertEquals(v.domainChanged(), !domain.equals(((String) g.get(Column.EMAIL)).split("@")[1]));
      }
      if (!v.staleAddress()) {
        assertEquals(v.has(Corruption.Kind.ZIP_DIGIT),
            !g.get(Column.ZIP_CODE).equals(r.get(Column.ZIP_CODE)), "ZIP wrong exactly when drawn");
      }
    }
    assertTrue(nicknames > 500 && typos > 100, nicknames + " nicknames, " + typos + " typos checked");
  }

  @Test
  void realizedRatesMatchTheScenarioWithinHalfAPoint() {
    Census c = Written.census(world, 300_000);
    Scenario sc = Scenario.defaults();
    for (SourceSystem s : SourceSystem.values()) {
      SourceRates r = sc.rates(s);
      double covered = c.covered(s);
      assertEquals(r.coverage(), covered / c.masters(), 0.005, s + " coverage");
      for (int k = 1; k <= r.copies().length; k++) {
        assertEquals(r.copies()[k - 1], c.mastersWithCopies(s, k) / covered, 0.005, s + " copies=" + k);
      }
      double records = c.records(s);
      for (Corruption.Kind k : Corruption.Kind.values()) {
        assertEquals(r.corruption().rate(k), c.errors(s, k) / records, 0.005, s + " " + k.key());
      }
      assertEquals(r.emailDomainChange(), c.domainChanged(s) / records, 0.005, s + " domain");
      assertEquals(r.nameVariation(), c.nameVaried(s) / records, 0.005, s + " names");
    }
  }

  @Test
  void sourceSystemsDoNotRevealTheMasterIndex() {
    Map<Column, Object> r = source(world, 5, SourceSystem.ERP, 0, new Variation());
    String id = (String) r.get(Column.SOURCE_RECORD_ID);
    assertTrue(id.matches("ERP-[0-9A-HJKMNP-TV-Z]{13}"), id);
    assertFalse(id.contains("5") && id.endsWith("5"), id);
    assertTrue(((String) r.get(Column.ACCOUNT_NUMBER)).matches("\\d{12}"));
  }

  private static PhoneNumber parse(PhoneNumberUtil util, String phone) {
    try {
      return util.parse(phone, "US");
    } catch (Exception e) {
      throw new AssertionError(phone, e);
    }
  }

  private static String alnum(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
