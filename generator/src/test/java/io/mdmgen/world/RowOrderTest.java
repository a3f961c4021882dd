package io.mdmgen.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A source table's row order tells nothing about whose records they are. */
class RowOrderTest {
  static final long MASTERS = 200_000;

  @Test
  void rowPositionIsUnrelatedToTheCustomerAndCopiesLieApart() {
    World world = new WorldSpec(42, WorldSpec.DEFAULT_AS_OF, Scenario.defaults()).world();
    Extent extent = new Extent(0, MASTERS, MASTERS, SourceRates.MAX_COPIES * 3);
    for (SourceSystem s : SourceSystem.values()) {
      Table table = Table.of(s);
      long[] span = TableCursor.span(world, table, extent);
      TableCursor cursor = new TableCursor(world, table, extent, span[0], span[1]);
      RecordingSink sink = new RecordingSink();
      List<Long> customers = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      while (cursor.next(sink.clear())) {
        customers.add(Long.parseLong(((String) sink.row.get(Column.CUSTOMER_ID)).substring(5)));
        ids.add((String) sink.row.get(Column.SOURCE_RECORD_ID));
      }
      assertEquals(customers.size(), ids.size(), s + ": ids unique");
      double rho = spearman(customers);
      assertTrue(Math.abs(rho) <= 0.01, s + ": Spearman " + rho);
      long adjacent = 0;
      for (int i = 1; i < customers.size(); i++) {
        adjacent += customers.get(i).equals(customers.get(i - 1)) ? 1 : 0;
      }
      assertTrue(adjacent <= 2, s + ": " + adjacent + " adjacent rows of one customer");
    }
  }

  /** Spearman's rho of position against value, ties ranked by their mean rank. */
  static double spearman(List<Long> values) {
    int n = values.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(values.get(a), values.get(b)));
    double[] rank = new double[n];
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && values.get(order[j + 1]).equals(values.get(order[i]))) {
        j++;
      }
      for (int k = i; k <= j; k++) {
        rank[order[k]] = (i + j) / 2.0;
      }
      i = j + 1;
    }
    double mean = (n - 1) / 2.0;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (i - mean) * (rank[i] - mean);
      sxx += (i - mean) * (i - mean);
      syy += (rank[i] - mean) * (rank[i] - mean);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
