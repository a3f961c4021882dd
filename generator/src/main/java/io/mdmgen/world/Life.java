package io.mdmgen.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Set;

/**
 * What happens to customers after they appear (stream mode). Each customer has
 * {@link #OPPORTUNITIES} evenly spaced chances of a life event over {@code spanSeconds}; each
 * chance is taken with probability {@code eventsPerCustomer / OPPORTUNITIES}, and one of them may
 * instead close the account, which ends the customer's life.
 *
 * @param eventsPerCustomer mean moves, email, phone and name changes per customer (before closure cuts it short)
 * @param mix weights of move, email, phone, name (sum 1)
 * @param closureRate share of customers whose account is closed
 * @param spanSeconds time from a customer's creation to its last chance of a life event
 * @param worldRate the world clock: events per world second. Lags, life spans and event times
 *     are world seconds, so the events are the same whatever rate they are sent at
 * @param hotKeys the customers whose orders make most of the e-commerce topic's events
 */
public record Life(double eventsPerCustomer, double[] mix, double closureRate, double spanSeconds,
    double worldRate, HotKeys hotKeys) implements Serializable {
  public static final int OPPORTUNITIES = 8;
  static final String KEY = "stream";
  static final Life DEFAULTS = new Life(2.0, new double[] {0.35, 0.25, 0.25, 0.15}, 0.10, 40,
      1_000, HotKeys.OFF);
  private static final Set<String> KEYS = Set.of("life_events_per_customer", "life_event_mix",
      "closure_rate", "life_span_seconds", "world_events_per_second", HotKeys.KEY);

  public Life {
    mix = mix.clone();
  }

  @Override
  public double[] mix() {
    return mix.clone();
  }

  /** Probability that one opportunity brings an event. */
  public double perOpportunity() {
    return eventsPerCustomer / OPPORTUNITIES;
  }

  /** Expected non-closing life events per customer, closure cutting lives short included. */
  public double expectedEvents() {
    double sum = 0;
    for (int k = 1; k <= OPPORTUNITIES; k++) {
      sum += 1 - closureRate * k / OPPORTUNITIES; // still open and not the closing chance
    }
    return perOpportunity() * sum;
  }

  static Life override(Life d, JsonNode node) {
    String where = KEY;
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + ": expected a map");
    }
    node.fieldNames().forEachRemaining(k -> {
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException(where + "." + k + ": unknown key (allowed: "
            + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
      }
    });
    return new Life(
        Scenario.number(where, node, "life_events_per_customer", d.eventsPerCustomer, 0, OPPORTUNITIES),
        Scenario.weights(where, node, "life_event_mix", d.mix, 4, false),
        Scenario.rate(where, node, "closure_rate", d.closureRate),
        Scenario.number(where, node, "life_span_seconds", d.spanSeconds, 0.001, 365 * 86_400),
        Scenario.number(where, node, "world_events_per_second", d.worldRate, 1, 1e9),
        node.has(HotKeys.KEY) ? HotKeys.override(where, d.hotKeys, node.get(HotKeys.KEY)) : d.hotKeys);
  }

  JsonNode toJson(ObjectMapper json) {
    ObjectNode n = json.createObjectNode();
    n.put("life_events_per_customer", eventsPerCustomer);
    n.set("life_event_mix", json.valueToTree(mix));
    n.put("closure_rate", closureRate);
    n.put("life_span_seconds", spanSeconds);
    n.put("world_events_per_second", worldRate);
    n.set(HotKeys.KEY, hotKeys.toJson(json));
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Life l && eventsPerCustomer == l.eventsPerCustomer
        && Arrays.equals(mix, l.mix) && closureRate == l.closureRate
        && spanSeconds == l.spanSeconds && worldRate == l.worldRate && hotKeys.equals(l.hotKeys);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(mix) * 31 + Double.hashCode(eventsPerCustomer + spanSeconds + closureRate + worldRate);
  }
}
