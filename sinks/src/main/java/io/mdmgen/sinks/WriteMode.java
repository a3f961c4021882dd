package io.mdmgen.sinks;

/** What a run does to tables that already exist. */
public enum WriteMode {
  /** Replace the table. */
  overwrite,
  /** Add the rows to the table (created if absent); the schema must match. */
  append
}
