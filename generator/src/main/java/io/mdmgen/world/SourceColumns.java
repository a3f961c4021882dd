package io.mdmgen.world;

/**
 * What only one source system writes: its own view of the customer's standing and the columns
 * only it has, after the columns all systems share.
 */
interface SourceColumns {
  /** Writes them for record {@code v} of master {@code m}, composing text in {@code out.text()}. */
  void write(Master m, Variation v, RowSink out);

  /** Makes a system's writer for the world of this seed and as-of day. */
  @FunctionalInterface
  interface Factory {
    SourceColumns create(long seed, int asOfDay, Dictionaries dictionaries);
  }
}
