package io.mdmgen.world;

/**
 * Every random decision of the world model: a SplitMix64-style mix of (seed, entity, field,
 * variant). There is no generator state, so any record can be computed alone, in any order, on
 * any executor.
 */
public final class Hash {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Hash() {}

  /** Stafford's variant 13 finaliser: a bijection on 64-bit values with full avalanche. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The key of entity {@code index} in {@code domain} for a run seeded with {@code seed}. */
  public static long entity(long seed, long domain, long index) {
    return entity(domain(seed, domain), index);
  }

  /** What {@link #entity} derives from seed and domain alone, for callers that keep it. */
  public static long domain(long seed, long domain) {
    return mix(seed ^ domain * GOLDEN);
  }

  /** The key of entity {@code index} of a {@link #domain}. */
  public static long entity(long domain, long index) {
    return mix(domain + index * GOLDEN);
  }

  /** An independent 64-bit draw for {@code field} of the entity with key {@code key}. */
  public static long of(long key, long field) {
    return mix(key + field * GOLDEN);
  }

  /** Uniform in [0, 1). */
  public static double unit(long h) {
    return (h >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, n) for 0 < n < 2^31 (Lemire's multiply-shift, no modulo bias worth naming). */
  public static int below(long h, int n) {
    return (int) (((h >>> 32) * n) >>> 32);
  }

  /**
   * Cumulative, normalised weights for {@link #pick}, as thresholds on a draw's top 53 bits (the
   * bits {@link #unit} uses): choice {@code i} is picked by draws below entry {@code i} and at or
   * above entry {@code i - 1}. The last entry is 2^53: every draw is below it.
   */
  public static long[] cdf(double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double[] cumulative = new double[weights.length];
    double run = 0;
    for (int i = 0; i < weights.length; i++) {
      run += weights[i];
      cumulative[i] = run / total;
    }
    return thresholds(cumulative);
  }

  /** {@link #cdf} of probabilities already cumulated (non-decreasing, the last 1). */
  public static long[] thresholds(double... cumulative) {
    long[] out = new long[cumulative.length];
    for (int i = 0; i < cumulative.length; i++) {
      // unit(h) < p exactly when the integer h >>> 11 is below ceil(p * 2^53).
      out[i] = (long) Math.ceil(cumulative[i] * 0x1.0p53);
    }
    out[out.length - 1] = 1L << 53;
    return out;
  }

  /**
   * Index into cumulative thresholds {@code cdf} for draw {@code h}: the number of thresholds the
   * draw reaches, counted without branches (a data-dependent loop exit mispredicts once per
   * pick, which cost more than the rest of the draw).
   */
  public static int pick(long h, long[] cdf) {
    long v = h >>> 11;
    int i = 0;
    for (int j = 0; j < cdf.length - 1; j++) {
      i += (int) ((cdf[j] - 1 - v) >>> 63);
    }
    return i;
  }

  /** A standard normal deviate from draw {@code h} (Acklam's inverse-CDF approximation). */
  public static double normal(long h) {
    double p = ((h >>> 11) + 0.5) * 0x1.0p-53;
    if (p < 0.02425) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5)
          / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
    }
    if (p > 1 - 0.02425) {
      double q = Math.sqrt(-2 * Math.log(1 - p));
      return -(((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5)
          / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((A0 * r + A1) * r + A2) * r + A3) * r + A4) * r + A5) * q
        / (((((B0 * r + B1) * r + B2) * r + B3) * r + B4) * r + 1);
  }

  private static final double A0 = -3.969683028665376e+01, A1 = 2.209460984245205e+02,
      A2 = -2.759285104469687e+02, A3 = 1.383577518672690e+02, A4 = -3.066479806614716e+01,
      A5 = 2.506628277459239e+00;
  private static final double B0 = -5.447609879822406e+01, B1 = 1.615858368580409e+02,
      B2 = -1.556989798598866e+02, B3 = 6.680131188771972e+01, B4 = -1.328068155288572e+01;
  private static final double C0 = -7.784894002430293e-03, C1 = -3.223964580411365e-01,
      C2 = -2.400758277161838e+00, C3 = -2.549732539343734e+00, C4 = 4.374664141464968e+00,
      C5 = 2.938163982698783e+00;
  private static final double D0 = 7.784695709041462e-03, D1 = 3.224671290700398e-01,
      D2 = 2.445134137142996e+00, D3 = 3.754408661907416e+00;
}
