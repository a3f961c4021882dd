package io.mdmgen.world;

import java.io.Serializable;

/**
 * Which part of the world a run writes: masters {@code [firstMaster, firstMaster + masters)} as
 * golden rows, and the source records of masters up to {@link #lastSourceMaster()} (counted in
 * master order, then CRM, ERP, e-commerce, then copy) of which the last master keeps only
 * {@code keepOfLast} records, so that runs can hold an exact number of source records.
 */
public record Extent(long firstMaster, long masters, long sourceMasters, int keepOfLast)
    implements Serializable {

  public Extent {
    if (firstMaster < 0 || masters < 0 || sourceMasters < 0 || sourceMasters > masters) {
      throw new IllegalArgumentException("bad extent " + firstMaster + "+" + masters + "/" + sourceMasters);
    }
  }

  public long endMaster() {
    return firstMaster + masters;
  }

  public long lastSourceMaster() {
    return firstMaster + sourceMasters - 1;
  }

  /**
   * The records of {@code source} kept for master {@code index}, given that it holds
   * {@code copies} of them and {@code before} records of earlier sources.
   */
  public int kept(long index, int copies, int before) {
    if (index > lastSourceMaster()) {
      return 0;
    }
    if (index < lastSourceMaster()) {
      return copies;
    }
    return Math.max(0, Math.min(copies, keepOfLast - before));
  }

  /** Records of {@code source} kept for master {@code index}. */
  public int kept(World world, long index, SourceSystem source) {
    if (index > lastSourceMaster()) {
      return 0;
    }
    int copies = world.copies(index, source);
    if (index < lastSourceMaster()) {
      return copies;
    }
    int before = 0;
    for (SourceSystem s : SourceSystem.values()) {
      if (s == source) {
        break;
      }
      before += world.copies(index, s);
    }
    return kept(index, copies, before);
  }
}
