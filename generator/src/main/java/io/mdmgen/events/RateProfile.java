package io.mdmgen.events;

import java.io.Serializable;

/**
 * When each event of the stream is due: event {@code n} at {@link #secondsAt(long)} after the
 * start. Pure math, no clock: the pacing and the event times both come from it.
 */
public sealed interface RateProfile extends Serializable {
  /**
   * No count of due events goes past this (2^53, exact in a double): a target far beyond any
   * machine (1e30 events/s) is then only a stream that is always behind, not an overflow.
   */
  long MOST_EVENTS = 1L << 53;

  /** The highest rate the profile reaches, events per second: a micro-batch holds a second of it. */
  double rate();

  /** The profile as {@code --rate-profile} writes it. */
  String text();

  /** The {@code --events-per-second} that {@link #parse} reads {@link #text} with back. */
  default double baseRate() {
    return rate();
  }

  /**
   * Whether the profile names its own rates ({@code steps:}, {@code diurnal:}), so that
   * {@code --events-per-second} has nothing to add.
   */
  default boolean ownRates() {
    return false;
  }

  /** Seconds after the start at which event {@code n} is due. */
  double secondsAt(long n);

  /** How many events are due at or before {@code seconds} after the start. */
  long dueBy(double seconds);

  /** How many events are due strictly before {@code seconds}: the events of {@code [0, seconds)}. */
  default long dueBefore(double seconds) {
    long n = dueBy(seconds);
    while (n > 0 && secondsAt(n - 1) >= seconds) {
      n--;
    }
    return n;
  }

  /** {@code rate} events per second from the first second on. */
  static RateProfile constant(double rate) {
    return new Constant(rate);
  }

  /** A rate growing linearly from 0 to {@code rate} over {@code seconds}, then constant. */
  static RateProfile ramp(double rate, double seconds) {
    return new Ramp(rate, seconds);
  }

  static final String ALLOWED = "constant, ramp:DURATION (ramp:60s),"
      + " steps:RATE@DURATION,... (steps:1000@60s,5000@60s), spike:FACTORx@DURATION/PERIOD"
      + " (spike:10x@30s/5m), diurnal:PEAK/TROUGH@PERIOD (diurnal:20000/2000@24h)";

  /**
   * The profile named by {@code spec}; {@code rate} is {@code --events-per-second} (NaN if not
   * given), which {@code steps:} and {@code diurnal:} do without. Throws
   * {@link IllegalArgumentException} naming what is wrong and what is allowed.
   */
  static RateProfile parse(String spec, double rate) {
    int colon = spec.indexOf(':');
    String kind = colon < 0 ? spec : spec.substring(0, colon);
    String arg = colon < 0 ? "" : spec.substring(colon + 1);
    try {
      switch (kind) {
        case "constant" -> {
          if (colon < 0) {
            return constant(needRate(spec, rate));
          }
        }
        case "ramp" -> {
          return ramp(needRate(spec, rate), positive(Durations.seconds(arg), spec));
        }
        case "steps" -> {
          return Steps.parse(arg, spec);
        }
        case "spike" -> {
          return Spike.parse(arg, needRate(spec, rate), spec);
        }
        case "diurnal" -> {
          return Diurnal.parse(arg, spec);
        }
        default -> { }
      }
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("'" + spec + "'")) {
        throw e;
      }
    }
    throw new IllegalArgumentException("'" + spec + "' is not a rate profile (allowed: " + ALLOWED + ")");
  }

  private static double needRate(String spec, double rate) {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("'" + spec + "' needs --events-per-second (the base rate)");
    }
    return rate;
  }

  private static double positive(double v, String spec) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("not positive");
    }
    return v;
  }

  /** A rate as written in a profile: a positive number, with _ or 1e6 allowed. */
  private static double rateOf(String text) {
    double v = Double.parseDouble(text.replace("_", ""));
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("negative rate");
    }
    return v;
  }

  /**
   * Corrects an estimate {@code n} of {@code dueBy(t)} for float rounding, so that dueBy and
   * secondsAt never disagree at a boundary.
   */
  /**
   * Events due by {@code t} of a profile that repeats every {@code period} with
   * {@code perPeriod} events each: the whole periods, then {@code withinPeriod} of the rest.
   */
  private static double periodic(double t, double period, double perPeriod,
      java.util.function.DoubleUnaryOperator withinPeriod) {
    double k = Math.floor(t / period);
    return k * perPeriod + withinPeriod.applyAsDouble(t - k * period);
  }

  static long settle(RateProfile p, double estimate, double t) {
    long n = estimate >= MOST_EVENTS ? MOST_EVENTS : (long) Math.floor(estimate) + 1;
    while (n > 0 && p.secondsAt(n - 1) > t) {
      n--;
    }
    while (n < MOST_EVENTS && p.secondsAt(n) <= t) {
      n++;
    }
    return n;
  }

  record Constant(double rate) implements RateProfile {
    @Override
    public String text() {
      return "constant";
    }

    @Override
    public double secondsAt(long n) {
      return n / rate;
    }

    @Override
    public long dueBy(double seconds) {
      return seconds < 0 ? 0 : settle(this, seconds * rate, seconds);
    }
  }

  /** Events due by t: rate t²/2S while ramping (t ≤ S), then rate S/2 + rate (t - S). */
  record Ramp(double rate, double seconds) implements RateProfile {
    @Override
    public String text() {
      return "ramp:" + Durations.text(seconds);
    }

    @Override
    public double secondsAt(long n) {
      double rampEvents = rate * seconds / 2;
      return n <= rampEvents ? Math.sqrt(2 * seconds * n / rate) : seconds + (n - rampEvents) / rate;
    }

    @Override
    public long dueBy(double t) {
      if (t < 0) {
        return 0;
      }
      double due = t <= seconds ? rate * t * t / (2 * seconds) : rate * seconds / 2 + rate * (t - seconds);
      return settle(this, due, t);
    }
  }

  /**
   * Stages, each its own constant rate for its duration ({@code steps:1000@60s,5000@60s}); after
   * the last stage its rate goes on. A stage may pause (rate 0), the last may not.
   */
  record Steps(double[] rates, double[] seconds) implements RateProfile {
    public Steps {
      rates = rates.clone();
      seconds = seconds.clone();
    }

    static Steps parse(String arg, String spec) {
      String[] stages = arg.split(",", -1);
      double[] r = new double[stages.length];
      double[] d = new double[stages.length];
      for (int i = 0; i < stages.length; i++) {
        String[] p = stages[i].split("@", -1);
        if (p.length != 2) {
          throw new IllegalArgumentException("'" + spec + "': stage '" + stages[i]
              + "' is not RATE@DURATION (e.g. 5000@60s)");
        }
        try {
          r[i] = rateOf(p[0].trim());
          d[i] = positive(Durations.seconds(p[1]), spec);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("'" + spec + "': stage '" + stages[i]
              + "' needs a rate of 0 or more and a duration longer than 0 (e.g. 5000@60s)");
        }
      }
      if (!(r[r.length - 1] > 0)) {
        throw new IllegalArgumentException("'" + spec + "': the last stage's rate must be above 0");
      }
      return new Steps(r, d);
    }

    /** Seconds from the start to the end of every stage. */
    public double totalSeconds() {
      double t = 0;
      for (double d : seconds) {
        t += d;
      }
      return t;
    }

    /** The stage {@code seconds} after the start falls in (the last from its start on). */
    public int stageAt(double t) {
      double start = 0;
      for (int i = 0; i < seconds.length - 1; i++) {
        start += seconds[i];
        if (t < start) {
          return i;
        }
      }
      return seconds.length - 1;
    }

    @Override
    public double rate() {
      double max = 0;
      for (double r : rates) {
        max = Math.max(max, r);
      }
      return max;
    }

    @Override
    public boolean ownRates() {
      return true;
    }

    @Override
    public String text() {
      StringBuilder b = new StringBuilder("steps:");
      for (int i = 0; i < rates.length; i++) {
        b.append(i == 0 ? "" : ",").append(Durations.number(rates[i])).append('@')
            .append(Durations.text(seconds[i]));
      }
      return b.toString();
    }

    @Override
    public double secondsAt(long n) {
      double start = 0;
      double events = 0;
      for (int i = 0; i < rates.length - 1; i++) {
        double inStage = rates[i] * seconds[i];
        if (n < events + inStage) {
          return start + (n - events) / rates[i];
        }
        events += inStage;
        start += seconds[i];
      }
      return start + (n - events) / rates[rates.length - 1];
    }

    @Override
    public long dueBy(double t) {
      if (t < 0) {
        return 0;
      }
      double start = 0;
      double events = 0;
      int stage = 0;
      for (; stage < rates.length - 1 && t >= start + seconds[stage]; stage++) {
        events += rates[stage] * seconds[stage];
        start += seconds[stage];
      }
      return settle(this, events + rates[stage] * (t - start), t);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Steps st && java.util.Arrays.equals(rates, st.rates)
          && java.util.Arrays.equals(seconds, st.seconds);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(rates) * 31 + java.util.Arrays.hashCode(seconds);
    }

    @Override
    public String toString() {
      return text();
    }
  }

  /**
   * The base rate with a spike of {@code factor} times it for the last {@code spikeSeconds} of
   * every {@code periodSeconds} ({@code spike:10x@30s/5m}: 4 min 30 s at the base rate, then 30 s
   * at ten times it, and again).
   */
  record Spike(double base, double factor, double spikeSeconds, double periodSeconds)
      implements RateProfile {
    static Spike parse(String arg, double base, String spec) {
      java.util.regex.Matcher m = java.util.regex.Pattern
          .compile("([0-9.]+)x@([^/]+)/(.+)").matcher(arg);
      String example = " (e.g. spike:10x@30s/5m: ten times the rate for 30 s every 5 min)";
      if (!m.matches()) {
        throw new IllegalArgumentException("'" + spec + "' is not FACTORx@DURATION/PERIOD" + example);
      }
      try {
        double factor = positive(Double.parseDouble(m.group(1)), spec);
        double spike = positive(Durations.seconds(m.group(2)), spec);
        double period = positive(Durations.seconds(m.group(3)), spec);
        if (spike < period) {
          return new Spike(base, factor, spike, period);
        }
      } catch (IllegalArgumentException e) {
        // reported below
      }
      throw new IllegalArgumentException("'" + spec + "': the factor must be above 0 and the"
          + " spike shorter than its period" + example);
    }

    private double perPeriod() {
      return base * (periodSeconds - spikeSeconds) + base * factor * spikeSeconds;
    }

    @Override
    public double rate() {
      return base * Math.max(1, factor);
    }

    @Override
    public double baseRate() {
      return base;
    }

    @Override
    public String text() {
      return "spike:" + Durations.number(factor) + "x@" + Durations.text(spikeSeconds) + "/"
          + Durations.text(periodSeconds);
    }

    @Override
    public double secondsAt(long n) {
      double k = Math.floor(n / perPeriod());
      double m = n - k * perPeriod();
      double calm = base * (periodSeconds - spikeSeconds);
      double within = m < calm ? m / base
          : periodSeconds - spikeSeconds + (m - calm) / (base * factor);
      return k * periodSeconds + within;
    }

    @Override
    public long dueBy(double t) {
      if (t < 0) {
        return 0;
      }
      return settle(this, periodic(t, periodSeconds, perPeriod(), this::events), t);
    }

    /** Events due in {@code [0, u)} of one period. */
    private double events(double u) {
      double calm = periodSeconds - spikeSeconds;
      return u < calm ? base * u : base * calm + base * factor * (u - calm);
    }
  }

  /**
   * A daily shape: from the trough up to the peak and back over each period, as a cosine
   * ({@code diurnal:20000/2000@24h}: 2,000/s at the start, 20,000/s half a period later).
   */
  record Diurnal(double peak, double trough, double periodSeconds) implements RateProfile {
    static Diurnal parse(String arg, String spec) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^/]+)/([^@]+)@(.+)").matcher(arg);
      String example = " (e.g. diurnal:20000/2000@24h: 2,000/s at the start, 20,000/s 12 h later)";
      if (m.matches()) {
        try {
          double peak = rateOf(m.group(1).trim());
          double trough = rateOf(m.group(2).trim());
          double period = positive(Durations.seconds(m.group(3)), spec);
          if (trough > 0 && peak >= trough) {
            return new Diurnal(peak, trough, period);
          }
        } catch (IllegalArgumentException e) {
          // reported below
        }
      }
      throw new IllegalArgumentException("'" + spec + "' is not PEAK/TROUGH@PERIOD with a peak"
          + " at or above a trough above 0" + example);
    }

    @Override
    public double rate() {
      return peak;
    }

    @Override
    public boolean ownRates() {
      return true;
    }

    @Override
    public String text() {
      return "diurnal:" + Durations.number(peak) + "/" + Durations.number(trough) + "@"
          + Durations.text(periodSeconds);
    }

    /** Events due in {@code [0, t)}: the integral of the rate. */
    private double events(double t) {
      double w = 2 * Math.PI / periodSeconds;
      return trough * t + (peak - trough) / 2 * (t - Math.sin(w * t) / w);
    }

    private double rateAt(double t) {
      return trough + (peak - trough) * (1 - Math.cos(2 * Math.PI * t / periodSeconds)) / 2;
    }

    @Override
    public double secondsAt(long n) {
      // Solve events(t) = m within the period: Newton's steps (the rate, the integral's slope,
      // is at least the trough), kept inside a bracket that bisects when a step leaves it.
      double perPeriod = events(periodSeconds);
      double k = Math.floor(n / perPeriod);
      double m = n - k * perPeriod;
      double lo = 0;
      double hi = periodSeconds;
      double t = m / perPeriod * periodSeconds;
      for (int i = 0; i < 100; i++) {
        double f = events(t) - m;
        if (f > 0) {
          hi = t;
        } else {
          lo = t;
        }
        double next = t - f / rateAt(t);
        if (!(next > lo && next < hi)) {
          next = (lo + hi) / 2;
        }
        if (Math.abs(next - t) <= 1e-13 * periodSeconds) {
          t = next;
          break;
        }
        t = next;
      }
      return k * periodSeconds + t;
    }

    @Override
    public long dueBy(double t) {
      if (t < 0) {
        return 0;
      }
      return settle(this, periodic(t, periodSeconds, events(periodSeconds), this::events), t);
    }
  }
}
