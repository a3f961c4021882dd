package io.mdmgen.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PlannerTest {
  static final WorldSpec SPEC = new WorldSpec(42, WorldTest.AS_OF, Scenario.defaults());

  static long rows(Table t, Extent e, List<String> out) {
    long[] span = TableCursor.span(SPEC.world(), t, e);
    return rows(t, e, span[0], span[1], out);
  }

  static long rows(Table t, Extent e, long from, long to, List<String> out) {
    TableCursor c = new TableCursor(SPEC.world(), t, e, from, to);
    RecordingSink sink = new RecordingSink();
    long n = 0;
    while (c.next(sink.clear())) {
      n++;
      if (out != null) {
        out.add(sink.row.toString());
      }
    }
    return n;
  }

  @Test
  void totalRecordsIsExactAndTheCountsAreWhatIsWritten() {
    Planner planner = new Planner(SPEC);
    for (long n : new long[] {1, 2, 3, 7, 1_000, 123_457}) {
      Planner.Plan a = planner.plan(0, OptionalLong.of(n), OptionalLong.empty());
      assertEquals(n, a.census().records());
      long written = 0;
      for (SourceSystem s : SourceSystem.values()) {
        long rows = rows(Table.of(s), a.extent(), null);
        assertEquals(a.census().records(s), rows, s + " rows as counted");
        written += rows;
      }
      assertEquals(n, written, "source rows written for --total-records " + n);
      assertEquals(n, rows(Table.MATCH_TRUTH, a.extent(), null));
      assertEquals(a.extent().masters(), rows(Table.CUSTOMERS, a.extent(), null));
      assertEquals(Written.census(SPEC.world(), a.extent()).householdPairs(),
          rows(Table.HARD_NEGATIVES, a.extent(), null), "hard negatives as tallied");
    }
  }

  @Test
  void theCountsOfAnyRangeAreThoseOfItsMastersOneByOne() {
    World world = SPEC.world();
    long block = Holdings.BLOCK;
    long[][] ranges = {{0, 1}, {5, 3 * block + 7}, {block - 1, block + 1}, {2 * block, 4 * block},
        {123_456, 123_456 + 10 * block + 3}};
    for (long[] r : ranges) {
      Census c = Census.of(world, new Extent(r[0], r[1] - r[0], r[1] - r[0], Integer.MAX_VALUE));
      for (SourceSystem s : SourceSystem.values()) {
        long[] masters = new long[SourceRates.MAX_COPIES + 1];
        long records = 0;
        for (long i = r[0]; i < r[1]; i++) {
          int k = world.copies(i, s);
          masters[k]++;
          records += k;
        }
        for (int k = 1; k < masters.length; k++) {
          assertEquals(masters[k], c.mastersWithCopies(s, k), s + " copies=" + k + " in " + r[0] + ".." + r[1]);
        }
        assertEquals(records, c.records(s), s + " records in " + r[0] + ".." + r[1]);
      }
    }
  }

  @Test
  void aTrillionRecordsArePlannedAtOnce() {
    long start = System.nanoTime();
    Planner.Plan p = new Planner(SPEC).plan(0, OptionalLong.of(1_000_000_000_000L), OptionalLong.empty());
    assertTrue((System.nanoTime() - start) / 1e9 < 1, "arithmetic, not a census");
    assertEquals(1_000_000_000_000L, p.census().records());
    assertEquals(p.extent().sourceMasters(), p.extent().masters());
    // The cut is where the records of the masters before it, one by one, reach the total.
    long last = p.extent().lastSourceMaster();
    Census before = Census.of(SPEC.world(), new Extent(0, last, last, Integer.MAX_VALUE));
    int ofLast = 0;
    for (SourceSystem s : SourceSystem.values()) {
      ofLast += SPEC.world().copies(last, s);
    }
    assertTrue(before.records() < 1_000_000_000_000L && before.records() + ofLast >= 1_000_000_000_000L);
    assertEquals(1_000_000_000_000L - before.records(), p.extent().keepOfLast());
  }

  @Test
  void theExpectedHardNegativesAreWhatIsWritten() {
    Extent e = new Extent(0, 200_000, 200_000, Integer.MAX_VALUE);
    long written = rows(Table.HARD_NEGATIVES, e, null);
    long expected = Scenario.defaults().households().expectedPairs(200_000);
    assertEquals(1, expected / (double) written, 0.02, expected + " expected, " + written + " written");
  }

  @Test
  void partitionBoundariesDoNotChangeRows() {
    Planner.Plan p = new Planner(SPEC).plan(0, OptionalLong.of(20_000), OptionalLong.empty());
    Extent e = p.extent();
    for (Table t : Table.values()) {
      List<String> whole = new ArrayList<>();
      rows(t, e, whole);
      long[] span = TableCursor.span(SPEC.world(), t, e);
      List<String> split = new ArrayList<>();
      long cut1 = span[0] + (span[1] - span[0]) / 3;
      long cut2 = span[1] - 1;
      rows(t, e, span[0], cut1, split);
      rows(t, e, cut1, cut2, split);
      rows(t, e, cut2, span[1], split);
      assertEquals(whole, split, t + " rows equal across partitionings");
    }
  }

  @Test
  void uniqueCustomersFixesThePoolAndBoundsTheRecords() {
    Planner planner = new Planner(SPEC);
    Planner.Plan all = planner.plan(0, OptionalLong.empty(), OptionalLong.of(10_000));
    assertEquals(10_000, all.extent().masters());
    assertEquals(10_000, all.extent().sourceMasters());
    double perMaster = all.census().records() / 10_000.0;
    assertEquals(Scenario.defaults().recordsPerMaster(), perMaster, 0.05);

    Planner.Plan some = planner.plan(0, OptionalLong.of(5_000), OptionalLong.of(10_000));
    assertEquals(10_000, some.extent().masters(), "the pool keeps its size");
    assertEquals(5_000, some.census().records());
    assertEquals(rows(Table.HARD_NEGATIVES, all.extent(), null), rows(Table.HARD_NEGATIVES, some.extent(), null),
        "every golden customer of the pool has its housemates");
    assertEquals(all.census().records(),
        planner.plan(0, OptionalLong.of(all.census().records()), OptionalLong.of(10_000)).census().records());

    Planner.PlanException e = assertThrows(Planner.PlanException.class,
        () -> planner.plan(0, OptionalLong.of(all.census().records() + 1), OptionalLong.of(10_000)));
    assertTrue(e.getMessage().contains("--total-records") && e.getMessage().contains("--unique-customers"));
  }

  @Test
  void appendingContinuesAfterTheMastersAlreadyWritten() {
    Planner planner = new Planner(SPEC);
    Planner.Plan next = planner.plan(10_000, OptionalLong.of(1_000), OptionalLong.empty());
    assertEquals(10_000, next.extent().firstMaster());
    assertEquals(1_000, next.census().records());
    assertEquals(1_000, rows(Table.MATCH_TRUTH, next.extent(), null));
  }

  @Test
  void aRunBeyondTheWorldsCustomersIsRefusedBeforeAnyCounting() {
    Scenario scenario = Scenario.defaults();
    long start = System.nanoTime();
    Planner.PlanException records = assertThrows(Planner.PlanException.class, () -> Planner.checkScale(
        scenario, 0, OptionalLong.of(1_000_000_000_000_000_000L), OptionalLong.empty()));
    assertTrue(records.getMessage().startsWith("--total-records 1000000000000000000: would take about"),
        records.getMessage());
    assertTrue(records.getMessage().contains("1,000,000,000,000 a world tells apart"), records.getMessage());
    Planner.PlanException customers = assertThrows(Planner.PlanException.class, () -> Planner.checkScale(
        scenario, 10, OptionalLong.empty(), OptionalLong.of(Planner.MOST_MASTERS)));
    assertTrue(customers.getMessage().contains("after the 10 already written"), customers.getMessage());
    assertTrue((System.nanoTime() - start) / 1e9 < 1, "arithmetic, not a census");
    // The largest world still plans: the check is not off by a factor.
    Planner.checkScale(scenario, 0, OptionalLong.empty(), OptionalLong.of(Planner.MOST_MASTERS));
    Planner.checkScale(scenario, 0, OptionalLong.of((long) (Planner.MOST_MASTERS * scenario.recordsPerMaster() * 0.95)),
        OptionalLong.empty());
  }
}
