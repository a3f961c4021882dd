package io.mdmgen.world;

/** What a run of an extent reports: the plan's counts and the tallies of writing its tables. */
final class Written {
  private Written() {}

  /** The census of writing every source table and hard_negatives of {@code extent}. */
  static Census census(World world, Extent extent) {
    Census census = Census.of(world, extent);
    RecordingSink sink = new RecordingSink();
    for (Table t : Table.values()) {
      if (t.source() == null && t != Table.HARD_NEGATIVES) {
        continue;
      }
      long[] span = TableCursor.span(world, t, extent);
      TableCursor cursor = new TableCursor(world, t, extent, span[0], span[1]);
      while (cursor.next(sink.clear())) {
        // written and dropped: the cursor tallies
      }
      census.merge(cursor.tally());
    }
    return census;
  }

  /** Every record of masters {@code [0, masters)}. */
  static Census census(World world, long masters) {
    return census(world, new Extent(0, masters, masters, Integer.MAX_VALUE));
  }
}
