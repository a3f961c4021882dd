package io.mdmgen.events;

/**
 * The events of one world step, in stream order, as small parallel arrays (reused per step; they
 * grow for the steps on which many hot customers order).
 */
final class StepEvents {
  static final byte CREATE = kind(EventKind.CREATE), UPDATE = kind(EventKind.UPDATE),
      DELETE = kind(EventKind.DELETE), TOMBSTONE = kind(EventKind.TOMBSTONE),
      TRUTH = kind(EventKind.TRUTH);
  private static final int CAPACITY = 256;

  byte[] kind = new byte[CAPACITY];
  byte[] topic = new byte[CAPACITY];
  long[] master = new long[CAPACITY];
  byte[] copy = new byte[CAPACITY];
  /** The life-event opportunity the event reports; 0 for creates, {@link HotOrders#CHANCE} for orders. */
  byte[] chance = new byte[CAPACITY];
  long step = -1;
  int size;

  private void grow() {
    int capacity = kind.length * 2;
    kind = java.util.Arrays.copyOf(kind, capacity);
    topic = java.util.Arrays.copyOf(topic, capacity);
    master = java.util.Arrays.copyOf(master, capacity);
    copy = java.util.Arrays.copyOf(copy, capacity);
    chance = java.util.Arrays.copyOf(chance, capacity);
  }

  private static byte kind(EventKind k) {
    return (byte) k.ordinal();
  }

  void add(byte kind, Topic topic, long master, int copy, int chance) {
    if (size == this.kind.length) {
      grow();
    }
    int i = size++;
    this.kind[i] = kind;
    this.topic[i] = (byte) topic.ordinal();
    this.master[i] = master;
    this.copy[i] = (byte) copy;
    this.chance[i] = (byte) chance;
  }
}
