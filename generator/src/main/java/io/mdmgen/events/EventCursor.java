package io.mdmgen.events;

import io.mdmgen.world.World;

/**
 * Walks the events {@code [from, end)} of a stream and encodes those that belong to one of
 * {@code parts} tasks: the events of customers whose index is {@code part} modulo {@code parts}.
 * Every event of a record thus goes through one task, in order; each task's events are spread
 * over the whole range, so tasks pace side by side.
 */
public final class EventCursor {
  private final Timeline timeline;
  private final EventEncoder encoder;
  private final StepEvents events = new StepEvents();
  private final long end;
  private final int part;
  private final int parts;
  private long n;
  private int j;
  private byte kind;
  private Topic topic;

  public EventCursor(World world, StreamPlan plan, int[] schemaIds, EventOffset from, long end,
      int part, int parts) {
    this.timeline = new Timeline(world, plan);
    this.encoder = new EventEncoder(world, plan, timeline.hotOrders(), schemaIds);
    this.end = end;
    this.part = part;
    this.parts = parts;
    this.n = from.n() - 1;
    timeline.expand(from.step(), events);
    this.j = from.within() - 1;
  }

  /** Moves to this task's next event and encodes it; false once the range is done. */
  public boolean next() {
    while (true) {
      n++;
      j++;
      if (n >= end) {
        return false;
      }
      while (j >= events.size) {
        timeline.expand(events.step + 1, events);
        j = 0;
      }
      if (Math.floorMod(events.master[j], parts) == part) {
        kind = events.kind[j];
        topic = Topic.ALL[events.topic[j]];
        encoder.encode(events, j, n);
        return true;
      }
    }
  }

  /** The current event's position in the stream. */
  public long n() {
    return n;
  }

  public Topic topic() {
    return topic;
  }

  public EventKind kind() {
    return EventKind.ALL[kind];
  }

  public byte[] key() {
    return encoder.key();
  }

  /** The Confluent-framed Avro value; null for a tombstone. */
  public byte[] value() {
    return encoder.value();
  }
}
