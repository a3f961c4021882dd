package io.mdmgen.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The masters of a 1e6-record run (411k) against the real population they stand for: name
 * frequencies, where people live, how old they are, who has a job on file.
 */
class PopulationTest {
  static final int MASTERS = 411_443;
  /** 2020 Census resident population by state (P1), for the state shares. */
  static final Map<String, Long> STATES_2020 = Map.ofEntries(
      Map.entry("AL", 5024279L), Map.entry("AK", 733391L), Map.entry("AZ", 7151502L),
      Map.entry("AR", 3011524L), Map.entry("CA", 39538223L), Map.entry("CO", 5773714L),
      Map.entry("CT", 3605944L), Map.entry("DE", 989948L), Map.entry("DC", 689545L),
      Map.entry("FL", 21538187L), Map.entry("GA", 10711908L), Map.entry("HI", 1455271L),
      Map.entry("ID", 1839106L), Map.entry("IL", 12812508L), Map.entry("IN", 6785528L),
      Map.entry("IA", 3190369L), Map.entry("KS", 2937880L), Map.entry("KY", 4505836L),
      Map.entry("LA", 4657757L), Map.entry("ME", 1362359L), Map.entry("MD", 6177224L),
      Map.entry("MA", 7029917L), Map.entry("MI", 10077331L), Map.entry("MN", 5706494L),
      Map.entry("MS", 2961279L), Map.entry("MO", 6154913L), Map.entry("MT", 1084225L),
      Map.entry("NE", 1961504L), Map.entry("NV", 3104614L), Map.entry("NH", 1377529L),
      Map.entry("NJ", 9288994L), Map.entry("NM", 2117522L), Map.entry("NY", 20201249L),
      Map.entry("NC", 10439388L), Map.entry("ND", 779094L), Map.entry("OH", 11799448L),
      Map.entry("OK", 3959353L), Map.entry("OR", 4237256L), Map.entry("PA", 13002700L),
      Map.entry("RI", 1097379L), Map.entry("SC", 5118425L), Map.entry("SD", 886667L),
      Map.entry("TN", 6910840L), Map.entry("TX", 29145505L), Map.entry("UT", 3271616L),
      Map.entry("VT", 643077L), Map.entry("VA", 8631393L), Map.entry("WA", 7705281L),
      Map.entry("WV", 1793716L), Map.entry("WI", 5893718L), Map.entry("WY", 576851L));

  static final Map<String, Integer> surnames = new HashMap<>();
  static final Map<String, Integer> fullNames = new HashMap<>();
  static final Map<String, Integer> states = new HashMap<>();
  static final Map<String, java.util.Set<String>> emails = new HashMap<>();
  static final Map<String, Integer> addresses = new HashMap<>();
  static final Map<String, java.util.List<Map<Column, Object>>> households = new HashMap<>();
  static final Map<LocalDate, Integer> birthDays = new HashMap<>();
  static int aged80 = 0;
  static int aged65 = 0;
  static int withJob = 0;
  static int withCompany = 0;

  @BeforeAll
  static void census() {
    World world = new WorldSpec(42, WorldSpec.DEFAULT_AS_OF, Scenario.defaults()).world();
    Master m = new Master();
    RecordingSink sink = new RecordingSink();
    long asOf = WorldSpec.DEFAULT_AS_OF.toEpochDay();
    for (long i = 0; i < MASTERS; i++) {
      world.master(i, m);
      world.writeMaster(m, sink.clear());
      surnames.merge((String) sink.row.get(Column.LAST_NAME), 1, Integer::sum);
      fullNames.merge((String) sink.row.get(Column.FULL_NAME), 1, Integer::sum);
      states.merge((String) sink.row.get(Column.STATE), 1, Integer::sum);
      addresses.merge(sink.row.get(Column.ADDRESS) + "|" + sink.row.get(Column.ZIP_CODE), 1,
          Integer::sum);
      if (i < 100_000) {
        households.computeIfAbsent((String) sink.row.get(Column.HOUSEHOLD_ID),
            h -> new java.util.ArrayList<>()).add(new java.util.EnumMap<>(sink.row));
      }
      emails.computeIfAbsent((String) sink.row.get(Column.EMAIL), e -> new java.util.HashSet<>())
          .add((String) sink.row.get(Column.HOUSEHOLD_ID));
      birthDays.merge((LocalDate) sink.row.get(Column.DATE_OF_BIRTH), 1, Integer::sum);
      long age = (asOf - ((LocalDate) sink.row.get(Column.DATE_OF_BIRTH)).toEpochDay()) / 365;
      aged80 += age >= 80 ? 1 : 0;
      aged65 += age >= 65 ? 1 : 0;
      withJob += sink.row.get(Column.JOB_TITLE) != null ? 1 : 0;
      withCompany += sink.row.get(Column.COMPANY) != null ? 1 : 0;
    }
  }

  @Test
  void surnamesAreAsCommonAsInTheCensus() {
    int top = surnames.values().stream().max(Integer::compare).orElseThrow();
    double share = (double) top / MASTERS;
    assertTrue(surnames.size() >= 50_000, surnames.size() + " distinct surnames");
    assertTrue(share >= 0.008 && share <= 0.012, "top surname " + share);
    assertTrue(surnames.getOrDefault("Smith", 0) == top, "Smith is the most common surname");
    for (String name : new String[] {"Williams", "Garcia", "Nguyen", "Patel"}) {
      assertTrue(surnames.getOrDefault(name, 0) > 100, name + " " + surnames.get(name));
    }
  }

  @Test
  void commonFullNamesRepeatAsTheyDoInLife() {
    long groups = fullNames.values().stream().filter(n -> n >= 10).count();
    assertTrue(groups >= 500, groups + " full names shared by 10 or more masters");
  }

  @Test
  void manyLiveWithAnotherCustomerAndHouseholdsHoldTheHardCases() {
    long sharing = addresses.values().stream().filter(n -> n > 1).mapToLong(Integer::longValue).sum();
    assertTrue(sharing >= 0.30 * MASTERS, sharing + " masters share an address with another");
    int juniors = 0;
    int twins = 0;
    for (var members : households.values()) {
      for (var a : members) {
        assertEquals(members.get(0).get(Column.ADDRESS), a.get(Column.ADDRESS), "one home");
        for (var b : members) {
          if (a == b) {
            continue;
          }
          if ("Jr.".equals(a.get(Column.NAME_SUFFIX))) {
            juniors += "Sr.".equals(b.get(Column.NAME_SUFFIX))
                && a.get(Column.FIRST_NAME).equals(b.get(Column.FIRST_NAME))
                && a.get(Column.LAST_NAME).equals(b.get(Column.LAST_NAME)) ? 1 : 0;
          }
          if (a.get(Column.DATE_OF_BIRTH).equals(b.get(Column.DATE_OF_BIRTH))
              && a.get(Column.LAST_NAME).equals(b.get(Column.LAST_NAME))) {
            twins++;
          }
        }
      }
    }
    assertTrue(juniors > 100, juniors + " juniors living with their namesake father");
    World world = new WorldSpec(42, WorldSpec.DEFAULT_AS_OF, Scenario.defaults()).world();
    Extent extent = new Extent(0, 100_000, 100_000, 0);
    TableCursor pairs = new TableCursor(world, Table.HARD_NEGATIVES, extent, 0, 100_000);
    RecordingSink sink = new RecordingSink();
    Map<String, Map<Column, Object>> byId = new HashMap<>();
    households.values().forEach(ms -> ms.forEach(r -> byId.put((String) r.get(Column.CUSTOMER_ID), r)));
    Map<Object, Integer> reasons = new HashMap<>();
    while (pairs.next(sink.clear())) {
      var a = byId.get((String) sink.row.get(Column.CUSTOMER_ID));
      var b = byId.get((String) sink.row.get(Column.OTHER_CUSTOMER_ID));
      assertTrue(a != b && a.get(Column.HOUSEHOLD_ID).equals(b.get(Column.HOUSEHOLD_ID)),
          "a hard negative is two different customers of one household");
      reasons.merge(sink.row.get(Column.REASON), 1, Integer::sum);
      if ("junior_senior".equals(sink.row.get(Column.REASON))) {
        assertEquals(a.get(Column.FIRST_NAME), b.get(Column.FIRST_NAME));
        assertEquals(a.get(Column.LAST_NAME), b.get(Column.LAST_NAME));
      }
      if ("twins".equals(sink.row.get(Column.REASON))) {
        assertEquals(a.get(Column.DATE_OF_BIRTH), b.get(Column.DATE_OF_BIRTH));
      }
    }
    assertTrue(reasons.keySet().containsAll(java.util.List.of("junior_senior", "twins", "family",
        "household")), "every reason occurs: " + reasons);
    assertTrue(twins > 20, twins / 2 + " pairs of twins");
  }

  @Test
  void unrelatedMastersAlmostNeverShareAnEmail() {
    long sharing = emails.values().stream().filter(h -> h.size() > 1).mapToLong(java.util.Set::size).sum();
    assertTrue(sharing <= MASTERS / 1000, sharing + " masters share an email with a master of another household");
  }

  @Test
  void noTwoShopAccountsShareAUsername() {
    World world = new WorldSpec(42, WorldSpec.DEFAULT_AS_OF, Scenario.defaults()).world();
    Extent extent = new Extent(0, MASTERS, MASTERS, SourceRates.MAX_COPIES * 3);
    Table shop = Table.of(SourceSystem.ECOMMERCE);
    long[] span = TableCursor.span(world, shop, extent);
    TableCursor cursor = new TableCursor(world, shop, extent, span[0], span[1]);
    RecordingSink sink = new RecordingSink();
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (cursor.next(sink.clear())) {
      String name = (String) sink.row.get(Column.USERNAME);
      assertTrue(seen.add(name), "username " + name + " twice");
    }
    assertTrue(seen.size() > 300_000, seen.size() + " accounts");
  }

  @Test
  void peopleLiveWhereAmericansLive() {
    long total = STATES_2020.values().stream().mapToLong(Long::longValue).sum();
    double distance = 0;
    for (Map.Entry<String, Long> e : STATES_2020.entrySet()) {
      distance += Math.abs((double) states.getOrDefault(e.getKey(), 0) / MASTERS
          - (double) e.getValue() / total);
    }
    distance /= 2;
    assertTrue(distance <= 0.02, "total variation distance to the 2020 Census " + distance);
    double ca = (double) states.get("CA") / MASTERS;
    assertTrue(ca > 0.11 && ca < 0.13, "CA " + ca);
  }

  /** About 15 masters per birth day; no day may be a pile (as a clamp at age 18 made one). */
  @Test
  void noBirthDayIsAPile() {
    double mean = (double) MASTERS / birthDays.size();
    Map.Entry<LocalDate, Integer> top = birthDays.entrySet().stream().max(Map.Entry.comparingByValue())
        .orElseThrow();
    assertTrue(top.getValue() < 4 * mean, "born " + top.getKey() + ": " + top.getValue() + " (mean " + mean + ")");
  }

  @Test
  void agesReachPastEighty() {
    double old = (double) aged65 / MASTERS;
    assertTrue(old > 0.19 && old < 0.24, "65+ " + old);
    assertTrue((double) aged80 / MASTERS > 0.04, "80+ " + (double) aged80 / MASTERS);
  }

  @Test
  void mostConsumersHaveNoJobOnFile() {
    double jobs = (double) withJob / MASTERS;
    double companies = (double) withCompany / MASTERS;
    assertTrue(jobs > 0.15 && jobs < 0.40, "job title on file " + jobs);
    assertTrue(companies < jobs && companies > 0.10, "employer on file " + companies);
  }
}
