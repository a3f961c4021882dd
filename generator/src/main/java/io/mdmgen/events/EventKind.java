package io.mdmgen.events;

/** What a Kafka record of the stream is, as counted in reports. */
public enum EventKind {
  CREATE, UPDATE, DELETE, TOMBSTONE, TRUTH;

  /** values() without its copy per call. */
  static final EventKind[] ALL = values();
}
