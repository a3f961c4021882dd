package io.mdmgen.world;

/**
 * The rows of one table for masters {@code [from, to)} of an {@link Extent}, one at a time: the
 * engine-independent loop behind every Spark partition reader.
 */
public final class TableCursor {
  private static final SourceSystem[] SOURCES = SourceSystem.values();

  private final World world;
  private final Table table;
  private final Extent extent;
  private final long to;
  private final Master master = new Master();
  private final Variation variation = new Variation();
  private long index;
  private long key;
  private int source; // match_truth: which source's records are being written
  private int copy;
  private int copies;

  public TableCursor(World world, Table table, Extent extent, long from, long to) {
    this.world = world;
    this.table = table;
    this.extent = extent;
    this.index = from - 1;
    this.to = table == Table.CUSTOMERS ? to : Math.min(to, extent.lastSourceMaster() + 1);
    this.source = SOURCES.length;
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
    if (table == Table.MATCH_TRUTH) {
      while (copy >= copies) {
        if (++source >= SOURCES.length) {
          if (++index >= to) {
            return false;
          }
          key = world.masterKey(index);
          source = 0;
        }
        copy = 0;
        copies = extent.kept(world, key, index, SOURCES[source]);
      }
      world.writeTruth(index, SOURCES[source], copy++, out);
      return true;
    }
    SourceSystem s = table.source();
    while (copy >= copies) {
      if (++index >= to) {
        return false;
      }
      copy = 0;
      copies = extent.kept(world, world.masterKey(index), index, s);
      if (copies > 0) {
        world.master(index, master);
      }
    }
    world.vary(master, s, copy, variation);
    world.writeSource(master, s, copy++, variation, out);
    return true;
  }
}
