package io.mdmgen.events;

import java.io.Serializable;

/**
 * When each event of a run is sent: a {@link RateProfile} started at a wall-clock instant. Event
 * {@code anchorN} is due at {@code anchorMillis}, later events as the profile says after it, so a
 * run restarted at event n goes on at the profile's rate from there instead of bursting to catch
 * up with the time it was down. Pure arithmetic on the times it is given; only {@link #await}
 * waits, on the {@link Clock} it is handed.
 *
 * @param anchorSeconds the profile's time of event {@code anchorN}
 */
public record Pacer(RateProfile profile, long anchorMillis, double anchorSeconds)
    implements Serializable {

  /** Event {@code n} of {@code profile} due at {@code millis}. */
  public static Pacer start(RateProfile profile, long n, long millis) {
    return new Pacer(profile, millis, profile.secondsAt(n));
  }

  /** When event {@code n} is due, in milliseconds since 1970. */
  public long dueMillis(long n) {
    return anchorMillis + (long) Math.floor((profile.secondsAt(n) - anchorSeconds) * 1000);
  }

  /** How many events of the whole stream are due by {@code millis} plus {@code aheadSeconds}. */
  public long dueBy(long millis, double aheadSeconds) {
    return profile.dueBy(anchorSeconds + (millis - anchorMillis) / 1000.0 + aheadSeconds);
  }

  /** The second of the run (0 from the anchor on) that {@code millis} falls in. */
  public int secondOf(long millis) {
    return (int) Math.max(0, (millis - anchorMillis) / 1000);
  }

  /**
   * Events the profile plans for seconds {@code [from, to)} of the run, or -1 where the target is
   * beyond counting ({@link RateProfile#MOST_EVENTS}).
   */
  public long plannedBetween(double from, double to) {
    long end = profile.dueBefore(anchorSeconds + to);
    return end >= RateProfile.MOST_EVENTS ? -1 : end - profile.dueBefore(anchorSeconds + from);
  }

  /** The end of the run that lasts {@code seconds} from event {@code n}: the first event after it. */
  public static long stopAfter(RateProfile profile, long n, double seconds) {
    return profile.dueBefore(profile.secondsAt(n) + seconds);
  }

  /**
   * Waits on {@code clock} until event {@code n} is due; returns the time it was sent at (now, or
   * its due time if it had to wait).
   */
  public long await(long n, Clock clock) throws InterruptedException {
    return awaitMillis(dueMillis(n), clock);
  }

  /** Waits on {@code clock} until {@code due}; returns now, or {@code due} if it had to wait. */
  public static long awaitMillis(long due, Clock clock) throws InterruptedException {
    long now = clock.millis();
    if (due <= now) {
      return now;
    }
    clock.sleep(due - now);
    return due;
  }
}
