package io.mdmgen.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hot keys (stream mode): the first {@code customers} customers with a shop account keep placing
 * orders, each an update of their first e-commerce record (the hot key), so that {@code share}
 * of the e-commerce topic's events are their orders. Customer r of them (from 0, in the order they were created)
 * orders at a rate proportional to {@code (r + 1)^-exponent} (Zipf). Hot customers never close
 * their accounts. With {@code customers} at 1 % of the e-commerce records a run sees, the top 1 %
 * of its keys carry about {@code share} of its events.
 *
 * @param customers the size of the hot pool; 0 turns hot keys off
 * @param share of the e-commerce topic's events that are the hot customers' orders, below 1
 * @param exponent Zipf's exponent over the pool: 0 spreads orders evenly
 */
public record HotKeys(int customers, double share, double exponent) implements Serializable {
  static final String KEY = "hot_keys";
  static final HotKeys OFF = new HotKeys(0, 0.5, 1.0);
  /** The largest pool: the orders of every hot customer are planned for every task. */
  public static final int MAX_CUSTOMERS = 100_000;
  static final double MAX_SHARE = 0.95;
  private static final Set<String> KEYS = Set.of("customers", "share", "exponent");

  public boolean on() {
    return customers > 0;
  }

  static HotKeys override(String within, HotKeys d, JsonNode node) {
    String where = within + "." + KEY;
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + ": expected a map of customers, share, exponent");
    }
    node.fieldNames().forEachRemaining(k -> {
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException(where + "." + k + ": unknown key (allowed: "
            + String.join(", ", new TreeSet<>(KEYS)) + ")");
      }
    });
    double customers = Scenario.number(where, node, "customers", d.customers, 0, MAX_CUSTOMERS);
    if (customers != Math.rint(customers)) {
      throw new IllegalArgumentException(where + ".customers = " + node.get("customers")
          + " is not a whole number");
    }
    JsonNode share = node.get("share");
    if (share != null && !(share.isNumber() && share.asDouble() > 0 && share.asDouble() <= MAX_SHARE)) {
      throw new IllegalArgumentException(where + ".share = " + share + " is not a share in (0, "
          + MAX_SHARE + "]");
    }
    return new HotKeys((int) customers, share == null ? d.share : share.asDouble(),
        Scenario.number(where, node, "exponent", d.exponent, 0, 5));
  }

  JsonNode toJson(ObjectMapper json) {
    ObjectNode n = json.createObjectNode();
    n.put("customers", customers);
    n.put("share", share);
    n.put("exponent", exponent);
    return n;
  }
}
