package io.mdmgen.world;

import java.util.OptionalLong;

/**
 * Sizes a run: from {@code --total-records} and/or {@code --unique-customers}, the exact extent
 * of the world to write. Whole blocks of masters hold a known number of records ({@link Holdings}),
 * so any size is planned by arithmetic and a walk of one block.
 */
public final class Planner {
  /**
   * The most customers one world tells apart: their 12-digit account numbers are a bijection of
   * the master index on [0, 10^12).
   */
  public static final long MOST_MASTERS = 1_000_000_000_000L;

  /**
   * Fails, naming the flag and the limit, if a run of {@code totalRecords} and/or
   * {@code uniqueCustomers} from master {@code first} would need more masters than a world has.
   * Arithmetic only: cheap enough to ask before anything starts.
   */
  public static void checkScale(Scenario scenario, long first, OptionalLong totalRecords,
      OptionalLong uniqueCustomers) {
    if (uniqueCustomers.isPresent() && uniqueCustomers.getAsLong() > MOST_MASTERS - first) {
      throw new PlanException(String.format("--unique-customers %d: more than the %,d customers a"
          + " world tells apart (12-digit account numbers)%s", uniqueCustomers.getAsLong(),
          MOST_MASTERS - first, first > 0 ? " after the " + first + " already written" : ""));
    }
    double perMaster = scenario.recordsPerMaster();
    if (uniqueCustomers.isEmpty() && totalRecords.isPresent() && perMaster > 0
        && totalRecords.getAsLong() / perMaster * 1.02 > MOST_MASTERS - first) {
      throw new PlanException(String.format("--total-records %d: would take about %.2g customers, more"
          + " than the %,d a world tells apart (12-digit account numbers); at most about %.2g records"
          + " in this scenario", totalRecords.getAsLong(), totalRecords.getAsLong() / perMaster,
          MOST_MASTERS - first, (MOST_MASTERS - first) / 1.02 * perMaster));
    }
  }

  /** The planned run: what to write and what it will hold (before the writes' tallies). */
  public record Plan(Extent extent, Census census) {}

  private final WorldSpec spec;

  public Planner(WorldSpec spec) {
    this.spec = spec;
  }

  /**
   * Plans a run starting at master {@code first}. With only {@code totalRecords}, the masters are
   * as many as it takes to hold exactly that many source records; with only
   * {@code uniqueCustomers}, every record of that many masters is written; with both, exactly
   * {@code totalRecords} records of the first masters of the pool, which must be able to hold them.
   */
  public Plan plan(long first, OptionalLong totalRecords, OptionalLong uniqueCustomers) {
    checkScale(spec.scenario(), first, totalRecords, uniqueCustomers);
    World world = spec.world();
    if (uniqueCustomers.isPresent()) {
      long u = uniqueCustomers.getAsLong();
      Extent all = new Extent(first, u, u, Integer.MAX_VALUE);
      Census everything = Census.of(world, all);
      long capacity = everything.records();
      long n = totalRecords.orElse(capacity);
      if (n > capacity) {
        throw new PlanException(String.format(
            "--total-records %d is more than the %d source records that --unique-customers %d hold"
                + " in this scenario (%.2f per customer); raise --unique-customers or drop it",
            n, capacity, u, spec.scenario().recordsPerMaster()));
      }
      return n == capacity ? new Plan(all, everything) : plan(world, cut(world, first, u, n));
    }
    long n = totalRecords.orElseThrow();
    if (world.holdings().recordsPerBlock() == 0) {
      throw new PlanException("the scenario gives no source records (every coverage is 0)");
    }
    return plan(world, cut(world, first, -1, n));
  }

  private static Plan plan(World world, Extent extent) {
    return new Plan(extent, Census.of(world, extent));
  }

  /** The extent whose source records are exactly the first {@code n} from master {@code first}. */
  private static Extent cut(World world, long first, long masters, long n) {
    if (n == 0) {
      return new Extent(first, Math.max(0, masters), 0, 0);
    }
    long[] reach = world.holdings().reach(first, n);
    long sourceMasters = reach[0] - first + 1;
    return new Extent(first, masters < 0 ? sourceMasters : masters, sourceMasters, (int) (n - reach[1]));
  }

  /** A run that cannot be planned as asked; the message names the flags. */
  public static final class PlanException extends IllegalArgumentException {
    public PlanException(String message) {
      super(message);
    }
  }
}
