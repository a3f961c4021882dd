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
  void totalRecordsIsExactWhateverTheChunking() {
    for (long n : new long[] {1, 2, 3, 7, 1_000, 123_457}) {
      Planner.Plan a = new Planner(SPEC, Planner.LOCAL, 1).plan(0, OptionalLong.of(n), OptionalLong.empty());
      Planner.Plan b = new Planner(SPEC, Planner.LOCAL, 64).plan(0, OptionalLong.of(n), OptionalLong.empty());
      assertEquals(a.extent(), b.extent());
      assertEquals(n, a.census().records());
      long written = 0;
      for (SourceSystem s : SourceSystem.values()) {
        long rows = rows(Table.of(s), a.extent(), null);
        assertEquals(a.census().records(s), rows, s + " rows as counted");
        written += rows;
      }
      assertEquals(n, written, "source rows written for --total-records " + n);
      assertEquals(n, rows(Table.MATCH_TRUTH, a.extent(), null));
      assertEquals(a.census().householdPairs(), rows(Table.HARD_NEGATIVES, a.extent(), null),
          "hard negatives as counted");
    }
  }

  @Test
  void partitionBoundariesDoNotChangeRows() {
    Planner.Plan p = new Planner(SPEC, Planner.LOCAL, 2).plan(0, OptionalLong.of(20_000), OptionalLong.empty());
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
    Planner planner = new Planner(SPEC, Planner.LOCAL, 4);
    Planner.Plan all = planner.plan(0, OptionalLong.empty(), OptionalLong.of(10_000));
    assertEquals(10_000, all.extent().masters());
    assertEquals(10_000, all.extent().sourceMasters());
    double perMaster = all.census().records() / 10_000.0;
    assertEquals(Scenario.defaults().recordsPerMaster(), perMaster, 0.05);

    Planner.Plan some = planner.plan(0, OptionalLong.of(5_000), OptionalLong.of(10_000));
    assertEquals(10_000, some.extent().masters(), "the pool keeps its size");
    assertEquals(5_000, some.census().records());
    assertEquals(all.census().householdPairs(), some.census().householdPairs(),
        "every golden customer of the pool has its housemates");
    assertEquals(some.census().householdPairs(), rows(Table.HARD_NEGATIVES, some.extent(), null));

    Planner.PlanException e = assertThrows(Planner.PlanException.class,
        () -> planner.plan(0, OptionalLong.of(all.census().records() + 1), OptionalLong.of(10_000)));
    assertTrue(e.getMessage().contains("--total-records") && e.getMessage().contains("--unique-customers"));
  }

  @Test
  void appendingContinuesAfterTheMastersAlreadyWritten() {
    Planner planner = new Planner(SPEC, Planner.LOCAL, 4);
    Planner.Plan next = planner.plan(10_000, OptionalLong.of(1_000), OptionalLong.empty());
    assertEquals(10_000, next.extent().firstMaster());
    assertEquals(1_000, next.census().records());
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
