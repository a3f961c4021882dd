package io.mdmgen.events;

import io.mdmgen.world.HotKeys;
import io.mdmgen.world.Life;
import io.mdmgen.world.SourceSystem;
import io.mdmgen.world.World;
import java.util.Arrays;

/**
 * When the hot customers of {@link HotKeys} place their orders, as a pure function of the world
 * step. Each orders through its first shop record, so the pool's customers are its hot keys.
 * Hot customer r (the r-th customer with a shop account, from 0) orders every
 * {@code period(r)} steps, at the steps congruent to r, once it exists; so the orders it placed
 * before any step follow in O(1) and its records' sequence numbers stay gapless. Periods follow
 * Zipf's {@code (r + 1)^exponent}, rounded to a geometric grid so that customers of one period
 * form a run of ranks: a step's orders are found per run, not per customer.
 */
public final class HotOrders {
  /** The {@link StepEvents#chance} of an order: after every life-event opportunity. */
  static final byte CHANCE = Life.OPPORTUNITIES + 1;
  /** Neighbouring periods of the grid differ by this factor at most. */
  private static final double GRID = 1.05;
  static final HotOrders NONE = new HotOrders(new long[0], new int[0], new long[0]);

  private final long[] customers;
  /** Runs of ranks sharing a period: ranks [runStart[i], runStart[i + 1]) order every runPeriod[i] steps. */
  private final int[] runStart;
  private final long[] runPeriod;

  private HotOrders(long[] customers, int[] runStart, long[] runPeriod) {
    this.customers = customers;
    this.runStart = runStart;
    this.runPeriod = runPeriod;
  }

  /**
   * The scale of the orders of {@code hot} in {@code world} that makes them {@code hot.share()}
   * of the e-commerce topic's events, where it has {@code otherEventsPerStep} events a step
   * besides them. Throws if the share asks for more orders than the pool can place, one per
   * customer and step.
   */
  static double scale(HotKeys hot, double otherEventsPerStep) {
    if (!hot.on()) {
      return 0;
    }
    double[] weight = weights(hot);
    long[] period = new long[weight.length];
    double target = hot.share() / (1 - hot.share()) * otherEventsPerStep;
    double most = events(weight, Double.MAX_VALUE, period);
    if (most < target) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "stream.hot_keys: share %s needs %.1f e-commerce events a step from orders; %d customers"
              + " place at most %.1f (one order each a step): raise customers or lower share",
          hot.share(), target, weight.length, most));
    }
    // Events grow with the scale, in steps: bisect on a log scale for the least that reaches it.
    double low = 1e-15;
    double high = 1e15;
    for (int i = 0; i < 64; i++) {
      double mid = Math.sqrt(low * high);
      if (events(weight, mid, period) < target) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return high;
  }

  /** E-commerce events a step that are orders of {@code hot} at {@code scale}, once the pool exists. */
  static double eventsPerStep(HotKeys hot, double scale) {
    return hot.on() ? events(weights(hot), scale, new long[hot.customers()]) : 0;
  }

  /** The orders of {@code hot} in {@code world} at {@code scale} (from {@link #scale}). */
  static HotOrders of(World world, HotKeys hot, double scale) {
    if (!hot.on()) {
      return NONE;
    }
    int k = hot.customers();
    long[] customers = pool(world, k);
    long[] period = new long[k];
    events(weights(hot), scale, period);
    int runs = 0;
    int[] runStart = new int[k + 1];
    long[] runPeriod = new long[k];
    for (int r = 0; r < k; r++) {
      if (r == 0 || period[r] != period[r - 1]) {
        runStart[runs] = r;
        runPeriod[runs++] = period[r];
      }
    }
    runStart[runs] = k;
    return new HotOrders(customers, Arrays.copyOf(runStart, runs + 1),
        Arrays.copyOf(runPeriod, runs));
  }

  /** The pool: the first {@code size} customers with a shop account, by index. */
  private static long[] pool(World world, int size) {
    long[] customers = new long[size];
    long index = 0;
    for (int r = 0; r < size; index++) {
      if (world.copies(index, SourceSystem.ECOMMERCE) > 0) {
        customers[r++] = index;
      }
    }
    return customers;
  }

  private static double[] weights(HotKeys hot) {
    double[] weight = new double[hot.customers()];
    for (int r = 0; r < weight.length; r++) {
      weight[r] = Math.pow(r + 1, -hot.exponent());
    }
    return weight;
  }

  /** Orders a step at {@code scale} (an order is one event); fills each rank's period. */
  private static double events(double[] weight, double scale, long[] period) {
    double sum = 0;
    for (int r = 0; r < weight.length; r++) {
      period[r] = gridPeriod(1 / (scale * weight[r]));
      sum += 1.0 / period[r];
    }
    return sum;
  }

  /** The grid's period nearest {@code steps} (on a log scale), at least one step. */
  static long gridPeriod(double steps) {
    if (!(steps > 1)) {
      return 1;
    }
    double g = Math.pow(GRID, Math.rint(Math.log(steps) / Math.log(GRID)));
    return Math.max(1, Math.min(Long.MAX_VALUE / 4, Math.round(g)));
  }

  public int size() {
    return customers.length;
  }

  /**
   * The opportunity at which customer {@code index} (key {@code key}) closes its account: never
   * for a hot customer, else as {@code world} says.
   */
  int closingChance(World world, long index, long key) {
    return rank(index) >= 0 ? Life.OPPORTUNITIES + 1 : world.closingChance(key);
  }

  /** The rank of customer {@code index} in the pool; -1 if it is not hot. */
  int rank(long index) {
    if (customers.length == 0 || index > customers[customers.length - 1]) {
      return -1;
    }
    int r = Arrays.binarySearch(customers, index);
    return r < 0 ? -1 : r;
  }

  long customer(int rank) {
    return customers[rank];
  }

  long period(int rank) {
    int i = Arrays.binarySearch(runStart, rank);
    return runPeriod[i >= 0 ? i : -i - 2];
  }

  /** The most customers that order at one step. */
  int mostAtOnce() {
    int most = 0;
    for (int i = 0; i < runPeriod.length; i++) {
      most += (int) Math.min(runStart[i + 1] - runStart[i],
          (runStart[i + 1] - runStart[i] + runPeriod[i] - 1) / runPeriod[i]);
    }
    return most;
  }

  /**
   * Fills {@code ranks} (at least {@link #mostAtOnce} long) with the ranks of the customers that
   * order at {@code step}, in rank order; returns how many.
   */
  int at(long step, int[] ranks) {
    int n = 0;
    for (int i = 0; i < runPeriod.length; i++) {
      long p = runPeriod[i];
      int start = runStart[i];
      int end = runStart[i + 1];
      for (long r = start + Math.floorMod(step - start, p); r < end; r += p) {
        if (step > customers[(int) r]) {
          ranks[n++] = (int) r;
        }
      }
    }
    return n;
  }

  /** Orders customer {@code rank} placed at steps before {@code step}. */
  long before(int rank, long step) {
    long p = period(rank);
    long created = customers[rank];
    if (step - 1 <= created) {
      return 0;
    }
    return Math.floorDiv(step - 1 - rank, p) - Math.floorDiv(created - rank, p);
  }
}
