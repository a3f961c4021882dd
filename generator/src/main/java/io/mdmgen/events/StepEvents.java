package io.mdmgen.events;

/** The events of one world step, in stream order, as small parallel arrays (reused per step). */
final class StepEvents {
  static final byte CREATE = kind(EventKind.CREATE), UPDATE = kind(EventKind.UPDATE),
      DELETE = kind(EventKind.DELETE), TOMBSTONE = kind(EventKind.TOMBSTONE),
      TRUTH = kind(EventKind.TRUTH);
  static final int CAPACITY = 256;

  final byte[] kind = new byte[CAPACITY];
  final byte[] topic = new byte[CAPACITY];
  final long[] master = new long[CAPACITY];
  final byte[] copy = new byte[CAPACITY];
  /** The life-event opportunity the event reports; 0 for creates. */
  final byte[] chance = new byte[CAPACITY];
  long step = -1;
  int size;

  private static byte kind(EventKind k) {
    return (byte) k.ordinal();
  }

  void add(byte kind, Topic topic, long master, int copy, int chance) {
    int i = size++;
    this.kind[i] = kind;
    this.topic[i] = (byte) topic.ordinal();
    this.master[i] = master;
    this.copy[i] = (byte) copy;
    this.chance[i] = (byte) chance;
  }
}
