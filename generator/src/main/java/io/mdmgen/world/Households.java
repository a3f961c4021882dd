package io.mdmgen.world;

import static io.mdmgen.world.Fields.HOUSEHOLD_ROLE;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Who lives with whom. Masters come in blocks of {@link #BLOCK} consecutive indexes; a hash of
 * the block splits it into households of one to four customers, the first of each its head. The
 * others are the head's partner (mostly of the other sex, about the same age, often with the
 * same surname), grown children (the head's surname; now and then a son named after his father,
 * Jr. to his Sr.; now and then twins), or other relatives and housemates. A household shares its
 * address, and some share a landline. Every customer finds its household from its own index, in
 * a few hashes, so generation stays a pure function of the index.
 *
 * @param sizes weights of households of 1, 2, 3 and 4 customers
 * @param partner share of second members who are the head's partner (the rest: children and others)
 * @param sharedSurname share of partners who carry the head's surname
 * @param juniors share of sons, where the head is a man, who are named after him
 * @param twins share of second and later children who are the twin of the child before them
 * @param landline share of households whose members give the same (landline) phone number
 * @param moved share of households that moved in the last years: systems may still hold the
 *     address before (each its own {@code stale_address} share of the movers' records)
 */
public record Households(double[] sizes, double partner, double sharedSurname, double juniors,
    double twins, double landline, double moved) implements Serializable {
  static final String KEY = "households";
  /**
   * Defaults: about 35% of customers live with another customer (US households average 2.5
   * people; not all of them are customers of one business); a partner in three of five second
   * members; 70% of partners share the head's surname; juniors and twins at rates that make them
   * visible hard cases at any size (real rates are about 2% of men and 3% of births); one
   * household in seven gives its landline (about a quarter of US homes still have one); about one
   * in seven households moved recently (US: ~8% a year). With these, a standard Splink model
   * lands at pairwise F1 0.94 at 1e6 records (BENCHMARKS.md), most of its errors false merges
   * within households.
   */
  static final Households DEFAULTS = new Households(new double[] {0.82, 0.12, 0.04, 0.02}, 0.6,
      0.7, 0.15, 0.04, 0.15, 0.15);
  static final int BLOCK = 8;
  public static final int MAX_SIZE = 4;
  /** Roles: the head; its partner; its child; another relative or a housemate. */
  static final int HEAD = 0, PARTNER = 1, CHILD = 2, OTHER = 3;

  public Households {
    sizes = sizes.clone();
  }

  @Override
  public double[] sizes() {
    return sizes.clone();
  }

  /**
   * Where master {@code index} sits: its household's head and its position in the household (0
   * for the head), for the blocks of the world with hash domain {@code domain}. One hash per
   * block: its k-th byte, against {@code sizes} as thresholds out of 256, gives the size of the
   * k-th household. Returns {@code head << 3 | position}.
   */
  long locate(long domain, int[] sizes, long index) {
    long block = index / BLOCK;
    int slot = (int) (index - block * BLOCK);
    long h = Hash.entity(domain, block);
    int start = 0;
    while (true) {
      int size = Math.min(size(sizes, h, start), BLOCK - start);
      if (slot < start + size) {
        return (block * BLOCK + start) << 3 | (slot - start);
      }
      start += size;
    }
  }

  /** The size of the household that starts at {@code head}. */
  int size(long domain, int[] sizes, long head) {
    long block = head / BLOCK;
    int start = (int) (head - block * BLOCK);
    return Math.min(size(sizes, Hash.entity(domain, block), start), BLOCK - start);
  }

  private static int size(int[] sizes, long h, int start) {
    int b = (int) (h >>> (8 * start)) & 0xFF;
    int size = 1;
    for (int t : sizes) {
      size += b >= t ? 1 : 0;
    }
    return size;
  }

  /**
   * The expected pairs of housemates among {@code masters} customers: per block, over the sizes
   * {@link #locate} draws from its bytes, with the households the block's end cuts short.
   */
  public long expectedPairs(long masters) {
    int[] thresholds = sizeThresholds();
    double[] size = new double[MAX_SIZE + 1]; // P(a household's byte gives this size)
    for (int b = 0; b < 256; b++) {
      int n = 1;
      for (int t : thresholds) {
        n += b >= t ? 1 : 0;
      }
      size[n] += 1 / 256.0;
    }
    double[] after = new double[BLOCK + 1]; // expected pairs in the block from this slot on
    for (int start = BLOCK - 1; start >= 0; start--) {
      for (int n = 1; n <= MAX_SIZE; n++) {
        int m = Math.min(n, BLOCK - start);
        after[start] += size[n] * (m * (m - 1) / 2.0 + after[start + m]);
      }
    }
    return Math.round(masters * after[0] / BLOCK);
  }

  /** The thresholds {@link #locate} compares a byte with: size k+2 from {@code [k]} on. */
  int[] sizeThresholds() {
    double total = 0;
    for (double w : sizes) {
      total += w;
    }
    int[] out = new int[sizes.length - 1];
    double run = 0;
    for (int k = 0; k < out.length; k++) {
      run += sizes[k];
      out[k] = (int) Math.round(run / total * 256);
    }
    return out;
  }

  /** The role of the member at {@code position} of the household whose head has key {@code headKey}. */
  int role(long headKey, int position) {
    if (position == 0) {
      return HEAD;
    }
    double u = Hash.unit(Hash.of(headKey, HOUSEHOLD_ROLE + position));
    if (position == 1) {
      return u < partner ? PARTNER : u < partner + (1 - partner) * 0.7 ? CHILD : OTHER;
    }
    return u < 0.8 ? CHILD : OTHER;
  }

  static Households override(Households d, com.fasterxml.jackson.databind.JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(KEY + ": expected a map");
    }
    java.util.Set<String> keys = java.util.Set.of("sizes", "partner", "shared_surname", "juniors",
        "twins", "landline", "moved");
    node.fieldNames().forEachRemaining(k -> {
      if (!keys.contains(k)) {
        throw new IllegalArgumentException(KEY + "." + k + ": unknown key (allowed: "
            + String.join(", ", new java.util.TreeSet<>(keys)) + ")");
      }
    });
    return new Households(Scenario.weights(KEY, node, "sizes", d.sizes, MAX_SIZE, true),
        Scenario.rate(KEY, node, "partner", d.partner),
        Scenario.rate(KEY, node, "shared_surname", d.sharedSurname),
        Scenario.rate(KEY, node, "juniors", d.juniors),
        Scenario.rate(KEY, node, "twins", d.twins),
        Scenario.rate(KEY, node, "landline", d.landline),
        Scenario.rate(KEY, node, "moved", d.moved));
  }

  com.fasterxml.jackson.databind.JsonNode toJson(com.fasterxml.jackson.databind.ObjectMapper json) {
    com.fasterxml.jackson.databind.node.ObjectNode n = json.createObjectNode();
    n.set("sizes", json.valueToTree(sizes));
    n.put("partner", partner);
    n.put("shared_surname", sharedSurname);
    n.put("juniors", juniors);
    n.put("twins", twins);
    n.put("landline", landline);
    n.put("moved", moved);
    return n;
  }

  /** The share of customers that live with another customer, by these sizes. */
  public double sharing() {
    double people = 0;
    double shared = 0;
    for (int s = 1; s <= sizes.length; s++) {
      people += s * sizes[s - 1];
      shared += s > 1 ? s * sizes[s - 1] : 0;
    }
    return shared / people;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Households h && Arrays.equals(sizes, h.sizes) && partner == h.partner
        && sharedSurname == h.sharedSurname && juniors == h.juniors && twins == h.twins
        && landline == h.landline && moved == h.moved;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sizes) * 31 + Double.hashCode(partner + sharedSurname + juniors + twins);
  }
}
