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

  /** The rate the profile settles at, events per second. */
  double rate();

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

  /**
   * The profile named by {@code spec}: {@code constant} or {@code ramp:SECONDS}. Throws
   * {@link IllegalArgumentException} naming what is allowed.
   */
  static RateProfile parse(String spec, double rate) {
    if (spec.equals("constant")) {
      return constant(rate);
    }
    if (spec.startsWith("ramp:")) {
      try {
        double seconds = Durations.seconds(spec.substring(5));
        if (seconds > 0) {
          return ramp(rate, seconds);
        }
      } catch (IllegalArgumentException e) {
        // reported below with the whole value
      }
    }
    throw new IllegalArgumentException("'" + spec + "' is not a rate profile (allowed: constant,"
        + " ramp:DURATION such as ramp:60s)");
  }

  /**
   * Corrects an estimate {@code n} of {@code dueBy(t)} for float rounding, so that dueBy and
   * secondsAt never disagree at a boundary.
   */
  private static long settle(RateProfile p, double estimate, double t) {
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
}
