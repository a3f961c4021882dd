package io.mdmgen.world;

/** The columns only one source system has, written after the columns all systems share. */
interface SourceColumns {
  /** Writes them for record {@code v} of master {@code m}, composing text in {@code out.text()}. */
  void write(Master m, Variation v, RowSink out);
}
