package io.mdmgen.events;

import io.mdmgen.world.Life;
import io.mdmgen.world.LifeEvent;
import io.mdmgen.world.SourceSystem;
import io.mdmgen.world.World;

/**
 * Which events make up each world step, and so which event is the n-th of the stream. Step
 * {@code b} holds, in this order:
 *
 * <ol>
 *   <li>the golden create of customer {@code b}, then the golden update (or delete and tombstone)
 *       of every customer whose life-event opportunity falls on step {@code b};
 *   <li>for each source system (CRM, ERP, e-commerce), what happened {@code lag} steps earlier,
 *       as that system sees it: a create and a truth record per record of the customer created
 *       then, and an update (or delete and tombstone) per record of each customer that lived an
 *       event then; for the shop, then an update of the first record of each hot customer that
 *       ordered then ({@link HotOrders}).
 * </ol>
 *
 * Customer {@code i} has its opportunities at steps {@code i + k * spacing}, k = 1..8, so a
 * record's events always arrive in order and its sequence numbers follow from k (and the orders
 * before) alone. Hot customers never close their accounts.
 */
public final class Timeline {
  private final World world;
  private final StreamPlan plan;
  private static final SourceSystem[] SOURCES = SourceSystem.values();
  private final StepEvents scratch = new StepEvents();
  private final HotOrders hot;
  private final int[] ordering;

  public Timeline(World world, StreamPlan plan) {
    this.world = world;
    this.plan = plan;
    this.hot = plan.hotOrders(world);
    this.ordering = new int[hot.mostAtOnce()];
  }

  HotOrders hotOrders() {
    return hot;
  }

  /** Fills {@code out} with the events of {@code step}. */
  void expand(long step, StepEvents out) {
    out.step = step;
    out.size = 0;
    out.add(StepEvents.CREATE, Topic.CUSTOMERS, step, 0, 0);
    lives(step, Topic.CUSTOMERS, null, out);
    for (SourceSystem source : SOURCES) {
      long then = step - plan.lag(source);
      if (then < 0) {
        continue;
      }
      Topic topic = Topic.of(source);
      int copies = world.copies(then, source);
      for (int c = 0; c < copies; c++) {
        out.add(StepEvents.CREATE, topic, then, c, 0);
        out.add(StepEvents.TRUTH, Topic.MATCH_TRUTH, then, c, 0);
      }
      lives(then, topic, source, out);
      if (source == SourceSystem.ECOMMERCE) {
        orders(then, topic, out);
      }
    }
  }

  private void orders(long step, Topic topic, StepEvents out) {
    int n = hot.at(step, ordering);
    for (int i = 0; i < n; i++) {
      out.add(StepEvents.UPDATE, topic, hot.customer(ordering[i]), 0, HotOrders.CHANCE);
    }
  }



  private void lives(long step, Topic topic, SourceSystem source, StepEvents out) {
    for (int k = 1; k <= Life.OPPORTUNITIES; k++) {
      long master = step - k * plan.spacing();
      if (master < 0) {
        return;
      }
      long key = world.masterKey(master);
      LifeEvent e = world.lifeEvent(key, k, hot.closingChance(world, master, key));
      if (e == null) {
        continue;
      }
      int copies = source == null ? 1 : world.copies(master, source);
      for (int c = 0; c < copies; c++) {
        if (e == LifeEvent.CLOSE) {
          out.add(StepEvents.DELETE, topic, master, c, k);
          out.add(StepEvents.TOMBSTONE, topic, master, c, k);
        } else {
          out.add(StepEvents.UPDATE, topic, master, c, k);
        }
      }
    }
  }

  /** The position {@code count} events after {@code from}. */
  public EventOffset advance(EventOffset from, long count) {
    long step = from.step();
    long remaining = count + from.within();
    while (true) {
      expand(step, scratch);
      if (remaining < scratch.size) {
        return new EventOffset(from.n() + count, step, (int) remaining);
      }
      remaining -= scratch.size;
      step++;
    }
  }

  /**
   * {@code at}, if a step starts there, else the start of the next step: where a stream may stop
   * without splitting a step, so every create keeps its truth record and every delete its
   * tombstone.
   */
  public EventOffset stepEnd(EventOffset at) {
    if (at.within() == 0) {
      return at;
    }
    expand(at.step(), scratch);
    return new EventOffset(at.n() + scratch.size - at.within(), at.step() + 1, 0);
  }

  /** The position of event {@code n}, walking from the start of the stream. */
  public EventOffset locate(long n) {
    return advance(EventOffset.START, n);
  }
}
