package io.mdmgen.world;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Sizes a run: from {@code --total-records} and/or {@code --unique-customers}, the exact extent
 * of the world to write. Masters are counted in chunks by a {@link ChunkCounter} (in parallel,
 * on Spark for big runs); only the chunk where the total is reached is walked one master at a time.
 */
public final class Planner {
  /** Counts each chunk {@code [starts[i], ends[i])} of masters; results in chunk order. */
  public interface ChunkCounter {
    List<Census> count(WorldSpec spec, long[] starts, long[] ends);
  }

  /** Counts chunks on this JVM's cores. */
  public static final ChunkCounter LOCAL = (spec, starts, ends) -> {
    World world = spec.world();
    return java.util.stream.IntStream.range(0, starts.length).parallel()
        .mapToObj(i -> Census.of(world, starts[i], ends[i])).toList();
  };

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

  /** The planned run: what to write and what it will hold. */
  public record Plan(Extent extent, Census census) {}

  private final WorldSpec spec;
  private final ChunkCounter counter;
  private final int parallelism;

  public Planner(WorldSpec spec, ChunkCounter counter, int parallelism) {
    this.spec = spec;
    this.counter = counter;
    this.parallelism = Math.max(1, parallelism);
  }

  /**
   * Plans a run starting at master {@code first}. With only {@code totalRecords}, the masters are
   * as many as it takes to hold exactly that many source records; with only
   * {@code uniqueCustomers}, every record of that many masters is written; with both, exactly
   * {@code totalRecords} records of the first masters of the pool, which must be able to hold them.
   */
  public Plan plan(long first, OptionalLong totalRecords, OptionalLong uniqueCustomers) {
    checkScale(spec.scenario(), first, totalRecords, uniqueCustomers);
    if (uniqueCustomers.isPresent()) {
      long u = uniqueCustomers.getAsLong();
      List<long[]> chunks = chunks(first, first + u);
      List<Census> counts = count(chunks);
      long capacity = counts.stream().mapToLong(Census::records).sum();
      long n = totalRecords.orElse(capacity);
      if (n > capacity) {
        throw new PlanException(String.format(
            "--total-records %d is more than the %d source records that --unique-customers %d hold"
                + " in this scenario (%.2f per customer); raise --unique-customers or drop it",
            n, capacity, u, spec.scenario().recordsPerMaster()));
      }
      return cut(first, u, chunks, counts, n);
    }
    long n = totalRecords.orElseThrow();
    double perMaster = spec.scenario().recordsPerMaster();
    if (perMaster <= 0) {
      throw new PlanException("the scenario gives no source records (every coverage is 0)");
    }
    long end = first + (long) Math.ceil(n / perMaster * 1.02) + 1_000;
    List<long[]> chunks = new ArrayList<>(chunks(first, end));
    List<Census> counts = new ArrayList<>(count(chunks));
    while (counts.stream().mapToLong(Census::records).sum() < n) {
      long from = end;
      end = from + Math.max(1_000, (end - first) / 10);
      List<long[]> more = chunks(from, end);
      chunks.addAll(more);
      counts.addAll(count(more));
    }
    return cut(first, -1, chunks, counts, n);
  }

  private Plan cut(long first, long masters, List<long[]> chunks, List<Census> counts, long n) {
    Census census = new Census();
    long done = 0;
    for (int i = 0; i < chunks.size(); i++) {
      Census c = counts.get(i);
      if (done + c.records() < n) {
        census.merge(c);
        done += c.records();
        continue;
      }
      // The total is reached inside this chunk: walk it master by master.
      World world = spec.world();
      Master m = new Master();
      Variation v = new Variation();
      for (long idx = chunks.get(i)[0]; idx < chunks.get(i)[1]; idx++) {
        long key = world.masterKey(idx);
        int records = 0;
        for (SourceSystem s : SourceSystem.values()) {
          records += world.copies(key, s);
        }
        if (done + records >= n) {
          int keep = (int) (n - done);
          census.count(world, idx, keep, m, v);
          long sourceMasters = idx - first + 1;
          long golden = masters < 0 ? sourceMasters : masters;
          census.setMasters(golden);
          // Golden masters past the last with source records still have their housemates.
          for (long g = idx + 1; g < Math.min(chunks.get(i)[1], first + golden); g++) {
            census.addHouseholdPairs(world.householdPosition(g));
          }
          for (int j = i + 1; j < chunks.size() && masters >= 0; j++) {
            census.addHouseholdPairs(counts.get(j).householdPairs());
          }
          return new Plan(new Extent(first, golden, sourceMasters, keep), census);
        }
        census.count(world, idx, Long.MAX_VALUE, m, v);
        done += records;
      }
      throw new IllegalStateException("chunk census disagrees with the walk");
    }
    throw new IllegalStateException("planned chunks hold fewer than " + n + " records");
  }

  private List<Census> count(List<long[]> chunks) {
    long[] starts = chunks.stream().mapToLong(c -> c[0]).toArray();
    long[] ends = chunks.stream().mapToLong(c -> c[1]).toArray();
    return counter.count(spec, starts, ends);
  }

  private List<long[]> chunks(long from, long to) {
    long size = Math.max(16_384, Math.min(1L << 22, (to - from) / (4L * parallelism) + 1));
    List<long[]> out = new ArrayList<>();
    for (long s = from; s < to; s += size) {
      out.add(new long[] {s, Math.min(to, s + size)});
    }
    return out;
  }

  /** A run that cannot be planned as asked; the message names the flags. */
  public static final class PlanException extends IllegalArgumentException {
    public PlanException(String message) {
      super(message);
    }
  }
}
