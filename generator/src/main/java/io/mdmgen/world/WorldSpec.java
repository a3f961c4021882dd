package io.mdmgen.world;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * Everything a world depends on: the same spec gives the same records, byte for byte, on any
 * machine and with any partitioning.
 */
public record WorldSpec(long seed, LocalDate asOf, Scenario scenario) implements Serializable {
  public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 1, 1);
  public static final long DEFAULT_SEED = 42;

  /** The world of this spec, with this JVM's dictionaries. */
  public World world() {
    return new World(seed, asOf, scenario, Dictionaries.get());
  }
}
