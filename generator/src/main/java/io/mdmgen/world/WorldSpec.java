package io.mdmgen.world;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;

/**
 * Everything a world depends on: the same spec gives the same records, byte for byte, on any
 * machine and with any partitioning.
 */
public record WorldSpec(long seed, LocalDate asOf, Scenario scenario) implements Serializable {
  public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 1, 1);
  public static final long DEFAULT_SEED = 42;

  /** Label keys of {@link #labels}, with the flags that set them. */
  public static final Map<String, String> LABEL_FLAGS = Map.of(
      "mdmgen_seed", "--seed", "mdmgen_as_of", "--as-of", "mdmgen_scenario", "--scenario");

  /**
   * This spec as the labels the tables of its world carry, to tell worlds apart (lower-case
   * keys and short values, as BigQuery's labels allow); the scenario as a digest.
   */
  public Map<String, String> labels() {
    return Map.of("mdmgen_seed", Long.toString(seed), "mdmgen_as_of", asOf.toString(),
        "mdmgen_scenario", scenario.digest().substring(0, 40));
  }

  /** The world of this spec, with this JVM's dictionaries. */
  public World world() {
    return new World(seed, asOf, scenario, Dictionaries.get());
  }
}
