package io.mdmgen.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The rates of every source system. Defaults are each system's own; a scenario file overrides
 * any of them per source:
 *
 * <pre>
 * crm:
 *   coverage: 0.8
 *   copies: [0.85, 0.15]
 *   typo: 0.05
 *   lag_seconds: 60
 * stream:
 *   life_events_per_customer: 3
 * </pre>
 */
public final class Scenario implements Serializable {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KEYS = keys();

  private static Set<String> keys() {
    Set<String> keys = new java.util.HashSet<>(Set.of("coverage", "copies", "name_variation",
        "email_domain_change", "address_formats", "phone_formats", "lag_seconds", "messy_share",
        "stale_address",
        "messy_factor"));
    for (Corruption.Kind k : Corruption.Kind.values()) {
      keys.add(k.key());
    }
    return Set.copyOf(keys);
  }

  private final EnumMap<SourceSystem, SourceRates> rates;
  private final Life life;
  private final Households households;

  private Scenario(EnumMap<SourceSystem, SourceRates> rates, Life life, Households households) {
    this.rates = rates;
    this.life = life;
    this.households = households;
  }

  /** Who lives with whom, and who moved. */
  public Households households() {
    return households;
  }

  /** Every system's {@link SourceSystem#defaults()} and the default stream life. */
  public static Scenario defaults() {
    EnumMap<SourceSystem, SourceRates> m = new EnumMap<>(SourceSystem.class);
    for (SourceSystem s : SourceSystem.values()) {
      m.put(s, s.defaults());
    }
    return new Scenario(m, Life.DEFAULTS, Households.DEFAULTS);
  }

  public SourceRates rates(SourceSystem source) {
    return rates.get(source);
  }

  /** What happens to customers after they appear, in stream mode. */
  public Life life() {
    return life;
  }

  /** Expected source records per master, over all systems. */
  public double recordsPerMaster() {
    double sum = 0;
    for (SourceRates r : rates.values()) {
      sum += r.recordsPerMaster();
    }
    return sum;
  }

  /**
   * The defaults overridden by a YAML (or JSON) document. Throws {@link IllegalArgumentException}
   * whose message names the offending key and value.
   */
  public static Scenario parse(String text) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid YAML: " + e.getOriginalMessage());
    }
    Scenario base = defaults();
    if (root == null || root.isNull() || root.isMissingNode()) {
      return base;
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException("expected a map of source systems ("
          + java.util.Arrays.stream(SourceSystem.values()).map(SourceSystem::code)
              .collect(java.util.stream.Collectors.joining(", ")) + ") and stream");
    }
    EnumMap<SourceSystem, SourceRates> m = new EnumMap<>(base.rates);
    Life life = base.life;
    Households households = base.households;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals(Life.KEY)) {
        life = Life.override(base.life, e.getValue());
        continue;
      }
      if (e.getKey().equals(Households.KEY)) {
        households = Households.override(base.households, e.getValue());
        continue;
      }
      SourceSystem source;
      try {
        source = SourceSystem.of(e.getKey());
      } catch (IllegalArgumentException unknown) {
        throw new IllegalArgumentException(unknown.getMessage().replace("(allowed: ", "(allowed: stream, households, "));
      }
      m.put(source, override(source.code(), base.rates(source), e.getValue()));
    }
    return new Scenario(m, life, households);
  }

  private static SourceRates override(String where, SourceRates d, JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + ": expected a map of rates");
    }
    node.fieldNames().forEachRemaining(k -> {
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException(where + "." + k + ": unknown key (allowed: "
            + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
      }
    });
    double[] copies = weights(where, node, "copies", d.copies(), SourceRates.MAX_COPIES, true);
    return new SourceRates(
        rate(where, node, "coverage", d.coverage()),
        copies,
        rate(where, node, "name_variation", d.nameVariation()),
        rate(where, node, "email_domain_change", d.emailDomainChange()),
        corruption(where, node, d.corruption()),
        rate(where, node, "stale_address", d.staleAddress()),
        weights(where, node, "address_formats", d.addressFormats(), SourceRates.ADDRESS_FORMATS, false),
        weights(where, node, "phone_formats", d.phoneFormats(), SourceRates.PHONE_FORMATS, false),
        number(where, node, "lag_seconds", d.lagSeconds(), 0, 30 * 86_400));
  }

  private static Corruption corruption(String where, JsonNode node, Corruption d) {
    double share = rate(where, node, "messy_share", d.messyShare());
    double factor = number(where, node, "messy_factor", d.messyFactor(), 1, 20);
    Corruption c = d.withMessiness(share, factor);
    double most = (1 - share + share * factor) / factor;
    for (Corruption.Kind k : Corruption.Kind.values()) {
      double rate = rate(where, node, k.key(), d.rate(k));
      // Day and month can only be swapped where the day could be a month: 132 days of 365.
      double ceiling = k == Corruption.Kind.DOB_SWAP ? most * 132 / 365.25 : most;
      if (rate > ceiling) {
        throw new IllegalArgumentException(String.format("%s.%s = %s is more than the records can"
            + " carry: at most %.3f with messy_share %s and messy_factor %s", where, k.key(),
            node.has(k.key()) ? node.get(k.key()).toString() : String.valueOf(rate), ceiling,
            share, factor));
      }
      c = c.with(k, rate);
    }
    return c;
  }

  static double number(String where, JsonNode node, String key, double fallback, double min,
      double max) {
    JsonNode v = node.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isNumber() || !(v.asDouble() >= min && v.asDouble() <= max)) {
      throw new IllegalArgumentException(where + "." + key + " = " + v + " is not a number in ["
          + (long) min + ", " + (long) max + "]");
    }
    return v.asDouble();
  }

  static double rate(String where, JsonNode node, String key, double fallback) {
    JsonNode v = node.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isNumber() || !(v.asDouble() >= 0 && v.asDouble() <= 1)) {
      throw new IllegalArgumentException(where + "." + key + " = " + v + " is not a rate in [0, 1]");
    }
    return v.asDouble();
  }

  static double[] weights(String where, JsonNode node, String key, double[] fallback,
      int size, boolean upToSize) {
    JsonNode v = node.get(key);
    if (v == null) {
      return fallback;
    }
    String name = where + "." + key + " = " + v;
    if (!v.isArray() || v.isEmpty() || v.size() > size || (!upToSize && v.size() != size)) {
      throw new IllegalArgumentException(name + " must be a list of " + (upToSize ? "1 to " : "")
          + size + " rates");
    }
    double[] w = new double[v.size()];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      JsonNode x = v.get(i);
      if (!x.isNumber() || !(x.asDouble() >= 0 && x.asDouble() <= 1)) {
        throw new IllegalArgumentException(name + ": " + x + " is not a rate in [0, 1]");
      }
      w[i] = x.asDouble();
      sum += w[i];
    }
    if (Math.abs(sum - 1) > 1e-6) {
      throw new IllegalArgumentException(name + " sums to " + sum + ", not 1");
    }
    return w;
  }

  /** A SHA-256 of {@link #toJson}, in hex: equal for equal scenarios. */
  public String digest() {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** This scenario as JSON that {@link #parse} reads back to an equal scenario. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    rates.forEach((s, r) -> {
      ObjectNode n = root.putObject(s.code());
      n.put("coverage", r.coverage());
      n.set("copies", JSON.valueToTree(r.copies()));
      n.put("name_variation", r.nameVariation());
      n.put("email_domain_change", r.emailDomainChange());
      for (Corruption.Kind k : Corruption.Kind.values()) {
        n.put(k.key(), r.corruption().rate(k));
      }
      n.put("messy_share", r.corruption().messyShare());
      n.put("messy_factor", r.corruption().messyFactor());
      n.put("stale_address", r.staleAddress());
      n.set("address_formats", JSON.valueToTree(r.addressFormats()));
      n.set("phone_formats", JSON.valueToTree(r.phoneFormats()));
      n.put("lag_seconds", r.lagSeconds());
    });
    root.set(Life.KEY, life.toJson(JSON));
    root.set(Households.KEY, households.toJson(JSON));
    return root.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scenario s && rates.equals(s.rates) && life.equals(s.life)
        && households.equals(s.households);
  }

  @Override
  public int hashCode() {
    return rates.hashCode() * 31 + life.hashCode();
  }
}
