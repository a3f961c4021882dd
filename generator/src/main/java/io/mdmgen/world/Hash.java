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

  /** Cumulative, normalised weights for {@link #pick}; the last entry is exactly 1. */
  public static double[] cdf(double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double[] out = new double[weights.length];
    double run = 0;
    for (int i = 0; i < weights.length; i++) {
      run += weights[i];
      out[i] = run / total;
    }
    out[out.length - 1] = 1.0;
    return out;
  }

  /** Index into cumulative weights {@code cdf} (last entry 1.0) for draw {@code h}. */
  public static int pick(long h, double[] cdf) {
    double u = unit(h);
    for (int i = 0; i < cdf.length - 1; i++) {
      if (u < cdf[i]) {
        return i;
      }
    }
    return cdf.length - 1;
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
