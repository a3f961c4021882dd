package io.mdmgen.events;

import io.mdmgen.world.Life;
import io.mdmgen.world.Scenario;
import io.mdmgen.world.SourceRates;
import io.mdmgen.world.SourceSystem;
import io.mdmgen.world.World;
import io.mdmgen.world.WorldSpec;
import java.io.Serializable;

/**
 * Everything the events of a stream depend on, and the world clock derived from it. The world
 * moves in steps: step {@code b} creates customer {@code b}. Lags, life spans and event times are
 * world seconds of the scenario's clock ({@link Life#worldRate}), turned into steps at the
 * steady-state number of events per step. The rate profile says only when each event is sent:
 * the same seed and scenario give the same events at any rate.
 *
 * @param spacing steps between a customer's life-event opportunities
 * @param lags per source system, steps between a change and its arrival there
 * @param orderScale how often hot customers order ({@link HotOrders#scale}); 0 without hot keys
 */
public record StreamPlan(WorldSpec spec, RateProfile profile, boolean embedTruth,
    double stepsPerSecond, long spacing, long[] lags, double orderScale) implements Serializable {

  public StreamPlan {
    lags = lags.clone();
  }

  /** Throws {@link IllegalArgumentException} if the scenario's hot keys cannot place their share. */
  public static StreamPlan of(WorldSpec spec, RateProfile profile, boolean embedTruth) {
    Scenario s = spec.scenario();
    double orderScale = HotOrders.scale(s.life().hotKeys(), ecommerceEventsPerStep(s));
    double orders = HotOrders.eventsPerStep(s.life().hotKeys(), orderScale);
    double stepsPerSecond = s.life().worldRate() / (eventsPerStep(s) + orders);
    long spacing = Math.max(1, Math.round(s.life().spanSeconds() / Life.OPPORTUNITIES * stepsPerSecond));
    long[] lags = new long[SourceSystem.values().length];
    for (SourceSystem source : SourceSystem.values()) {
      lags[source.ordinal()] = Math.round(s.rates(source).lagSeconds() * stepsPerSecond);
    }
    return new StreamPlan(spec, profile, embedTruth, stepsPerSecond, spacing, lags, orderScale);
  }

  /** The hot customers' orders in {@code world} (this plan's). */
  HotOrders hotOrders(World world) {
    return HotOrders.of(world, spec.scenario().life().hotKeys(), orderScale);
  }

  /** E-commerce events per step besides orders: a create, each life event, a delete and tombstone. */
  static double ecommerceEventsPerStep(Scenario s) {
    Life life = s.life();
    return s.rates(SourceSystem.ECOMMERCE).recordsPerMaster()
        * (1 + life.expectedEvents() + life.closureRate() * 2);
  }

  /**
   * Events per step once every lag has passed: the golden create, a create and a truth record
   * per source record, each life event on the golden record and every source record, and a
   * tombstone after every delete.
   */
  static double eventsPerStep(Scenario s) {
    double records = s.recordsPerMaster();
    Life life = s.life();
    return 1 + 2 * records + life.expectedEvents() * (1 + records)
        + life.closureRate() * 2 * (1 + records);
  }

  /** The day (since 1970-01-01) on which step {@code step} happens in the world. */
  public int dayOf(long step) {
    return (int) (spec.asOf().toEpochDay() + (long) Math.floor(step / stepsPerSecond / 86_400));
  }

  /** The stream's time zero: midnight UTC of the world's as-of date, so event times repeat. */
  public long epochMillis() {
    return spec.asOf().toEpochDay() * 86_400_000L;
  }

  /** Event time of event {@code n} on the world clock, milliseconds since 1970. */
  public long eventTimeMillis(long n) {
    return epochMillis() + (long) Math.floor(n / spec.scenario().life().worldRate() * 1000);
  }

  public long lag(SourceSystem source) {
    return lags[source.ordinal()];
  }

  SourceRates rates(SourceSystem source) {
    return spec.scenario().rates(source);
  }
}
