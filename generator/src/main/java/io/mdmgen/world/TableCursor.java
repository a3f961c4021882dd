package io.mdmgen.world;

/**
 * The rows of one table at positions {@code [from, to)} of its {@link #span}, one at a time: the
 * engine-independent loop behind every Spark partition reader. Golden customers and the truth
 * tables come in master order. A source table's positions are (copy, slot) pairs, copy by copy, and
 * slot {@code t} of copy {@code c} holds record c of the master a keyed {@link Permutation} of
 * that copy puts there, if the master has that many: a row's position says nothing about whose
 * it is, the copies of one master lie far apart, and any split into ranges gives the same rows in
 * the same order.
 */
public final class TableCursor {
  private static final SourceSystem[] SOURCES = SourceSystem.values();

  private final World world;
  private final Table table;
  private final Extent extent;
  private final long to;
  private final Master master = new Master();
  private final Variation variation = new Variation();
  private final Master other = new Master();
  private final Census tally = new Census();
  private long index;
  private int source; // match_truth: which source's records are being written
  private int copy;
  private int copies;
  // Source tables: the current position, the masters per copy, each copy's order.
  private long position;
  private final long slots;
  private final Permutation[] orders;

  public TableCursor(World world, Table table, Extent extent, long from, long to) {
    this.world = world;
    this.table = table;
    this.extent = extent;
    this.source = SOURCES.length;
    long[] span = span(world, table, extent);
    this.to = Math.min(to, span[1]);
    this.index = from - 1;
    this.position = from - 1;
    this.slots = extent.sourceMasters();
    SourceSystem s = table.source();
    if (s == null || slots == 0) {
      this.orders = new Permutation[0];
    } else {
      this.orders = new Permutation[world.maxCopies(s)];
      for (int c = 0; c < orders.length; c++) {
        orders[c] = new Permutation(world.orderKey(s, c), slots);
      }
    }
  }

  /**
   * The positions of {@code table}'s rows: {@code [span[0], span[1])}. Master indexes for
   * customers and the truth; for a source table, as many positions per possible copy as the
   * extent has source masters.
   */
  public static long[] span(World world, Table table, Extent extent) {
    if (table == Table.CUSTOMERS || table == Table.HARD_NEGATIVES) {
      return new long[] {extent.firstMaster(), extent.endMaster()};
    }
    if (table == Table.MATCH_TRUTH) {
      return new long[] {extent.firstMaster(), extent.lastSourceMaster() + 1};
    }
    return new long[] {0, extent.sourceMasters() * world.maxCopies(table.source())};
  }

  /** How the records written so far are varied, and the hard negatives written so far. */
  public Census tally() {
    return tally;
  }

  /** Writes the next row to {@code out}; false when the range is exhausted. */
  public boolean next(RowSink out) {
    if (table == Table.CUSTOMERS) {
      if (++index >= to) {
        return false;
      }
      world.master(index, master);
      world.writeMaster(master, out);
      return true;
    }
    if (table == Table.HARD_NEGATIVES) {
      // Each customer with its earlier housemates, the household's head first.
      while (copy <= 0) {
        if (++index >= to) {
          return false;
        }
        copy = world.householdPosition(index);
        if (copy > 0) {
          world.master(index, master);
        }
      }
      world.master(index - copy--, other);
      world.writeHardNegative(master, other, out);
      tally.householdPair();
      return true;
    }
    if (table == Table.MATCH_TRUTH) {
      while (copy >= copies) {
        if (++source >= SOURCES.length) {
          if (++index >= to) {
            return false;
          }
          source = 0;
        }
        copy = 0;
        copies = extent.kept(world, index, SOURCES[source]);
      }
      world.writeTruth(index, SOURCES[source], copy++, out);
      return true;
    }
    SourceSystem s = table.source();
    while (true) {
      if (++position >= to) {
        return false;
      }
      int c = (int) (position / slots);
      long i = extent.firstMaster() + orders[c].apply(position - c * slots);
      if (c < extent.kept(world, i, s)) {
        world.master(i, master);
        world.vary(master, s, c, variation);
        world.writeSource(master, s, c, variation, out);
        tally.record(s, variation);
        return true;
      }
    }
  }
}
