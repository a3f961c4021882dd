package io.mdmgen.world;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No column but the identity ones (names, contact, address, birth date) gives the truth away:
 * an exact join of all source records on any set of the others finds almost none of the pairs
 * that are one customer.
 */
class LeakTest {
  static final long MASTERS = 100_000;
  static final Column[] STANDING = {Column.ANNUAL_INCOME, Column.CUSTOMER_SEGMENT,
      Column.REGISTRATION_DATE, Column.LAST_ACTIVITY_DATE, Column.IS_ACTIVE};
  static final List<Map<Column, Object>> records = new ArrayList<>();

  @BeforeAll
  static void generate() {
    World world = new WorldSpec(42, WorldSpec.DEFAULT_AS_OF, Scenario.defaults()).world();
    Extent extent = new Extent(0, MASTERS, MASTERS, SourceRates.MAX_COPIES * 3);
    for (SourceSystem s : SourceSystem.values()) {
      long[] span = TableCursor.span(world, Table.of(s), extent);
      TableCursor cursor = new TableCursor(world, Table.of(s), extent, span[0], span[1]);
      RecordingSink sink = new RecordingSink();
      while (cursor.next(sink.clear())) {
        records.add(new HashMap<>(sink.row));
      }
    }
  }

  /** Pairwise F1 of "records equal on {@code columns} are one customer" (nulls never equal). */
  static double f1(Column... columns) {
    Map<List<Object>, Map<Object, Integer>> groups = new HashMap<>();
    Map<Object, Integer> perCustomer = new HashMap<>();
    for (Map<Column, Object> r : records) {
      Object customer = r.get(Column.CUSTOMER_ID);
      perCustomer.merge(customer, 1, Integer::sum);
      List<Object> key = new ArrayList<>();
      boolean complete = true;
      for (Column c : columns) {
        complete &= r.get(c) != null;
        key.add(r.get(c));
      }
      if (complete) {
        groups.computeIfAbsent(key, k -> new HashMap<>()).merge(customer, 1, Integer::sum);
      }
    }
    double truePairs = perCustomer.values().stream().mapToDouble(n -> n * (n - 1) / 2.0).sum();
    double predicted = 0;
    double hits = 0;
    for (Map<Object, Integer> g : groups.values()) {
      int n = g.values().stream().mapToInt(Integer::intValue).sum();
      predicted += n * (n - 1) / 2.0;
      hits += g.values().stream().mapToDouble(k -> k * (k - 1) / 2.0).sum();
    }
    return predicted + truePairs == 0 ? 0 : 2 * hits / (predicted + truePairs);
  }

  @Test
  void anExactJoinOnTheStandingColumnsFindsAlmostNothing() {
    int sets = 1 << STANDING.length;
    for (int mask = 1; mask < sets; mask++) {
      List<Column> cols = new ArrayList<>();
      for (int i = 0; i < STANDING.length; i++) {
        if ((mask & (1 << i)) != 0) {
          cols.add(STANDING[i]);
        }
      }
      double f1 = f1(cols.toArray(Column[]::new));
      assertTrue(f1 <= 0.05, "exact join on " + cols + ": F1 " + f1);
    }
  }
}
