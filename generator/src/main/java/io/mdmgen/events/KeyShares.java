package io.mdmgen.events;

import io.mdmgen.world.Life;
import io.mdmgen.world.SourceSystem;
import io.mdmgen.world.World;
import java.util.Arrays;

/**
 * How a stretch of the stream's events on the shop's topic spread over its keys (its records):
 * how many events the 1 % of keys with the most carry, and how many are hot customers' orders.
 * Counted by walking the stretch's steps, without encoding an event.
 *
 * @param keys records with at least one event in the stretch
 * @param events the topic's events in the stretch
 * @param orders those of them that are orders of hot customers
 * @param topEvents events of the 1 % of keys with the most (at least one key)
 */
public record KeyShares(long keys, long events, long orders, long topEvents) {
  /** The share of the topic's events the top 1 % of its keys carry. */
  public double topShare() {
    return events == 0 ? 0 : (double) topEvents / events;
  }

  /** The share of the topic's events that are orders of hot customers. */
  public double orderShare() {
    return events == 0 ? 0 : (double) orders / events;
  }

  /** The shares of the {@code count} events from {@code from} in the stream of {@code plan}. */
  public static KeyShares of(World world, StreamPlan plan, EventOffset from, long count) {
    Timeline timeline = new Timeline(world, plan);
    HotOrders hot = timeline.hotOrders();
    int shop = Topic.of(SourceSystem.ECOMMERCE).ordinal();
    int copies = world.maxCopies(SourceSystem.ECOMMERCE);
    long[] hotCounts = new long[hot.size() * copies];
    // Any other record has at most a create, eight updates, a delete and its tombstone.
    long base = Math.max(0, from.step() - plan.lag(SourceSystem.ECOMMERCE)
        - (long) Life.OPPORTUNITIES * plan.spacing());
    byte[] counts = new byte[1024];
    long events = 0;
    long orders = 0;
    StepEvents step = new StepEvents();
    long left = count;
    int j = from.within();
    for (long s = from.step(); left > 0; s++, j = 0) {
      timeline.expand(s, step);
      for (; j < step.size && left > 0; j++, left--) {
        if (step.topic[j] != shop) {
          continue;
        }
        events++;
        long master = step.master[j];
        int rank = hot.rank(master);
        if (rank >= 0) {
          hotCounts[rank * copies + step.copy[j]]++;
          if (step.chance[j] == HotOrders.CHANCE) {
            orders++;
          }
          continue;
        }
        long i = (master - base) * copies + step.copy[j];
        if (i >= counts.length) {
          counts = Arrays.copyOf(counts, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(i + 1, 2L * counts.length)));
        }
        counts[(int) i]++;
      }
    }
    long[] byCount = new long[128];
    for (byte c : counts) {
      byCount[c]++;
    }
    long keys = 0;
    for (int c = 1; c < byCount.length; c++) {
      keys += byCount[c];
    }
    Arrays.sort(hotCounts);
    for (long c : hotCounts) {
      keys += c > 0 ? 1 : 0;
    }
    return new KeyShares(keys, events, orders, top(hotCounts, byCount, Math.max(1, (keys + 99) / 100)));
  }

  /** Events of the {@code top} keys with the most: hot counts (sorted) and other keys by count. */
  private static long top(long[] hotSorted, long[] byCount, long top) {
    long sum = 0;
    int h = hotSorted.length - 1;
    int c = byCount.length - 1;
    long leftAtC = byCount[c];
    while (top > 0 && (h >= 0 || c > 0)) {
      while (c > 0 && leftAtC == 0) {
        leftAtC = byCount[--c];
      }
      if (h >= 0 && (c == 0 || hotSorted[h] >= c)) {
        sum += hotSorted[h--];
        top--;
      } else if (c > 0) {
        long take = Math.min(top, leftAtC);
        sum += take * c;
        top -= take;
        leftAtC -= take;
      }
    }
    return sum;
  }
}
