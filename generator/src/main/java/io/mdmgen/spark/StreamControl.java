package io.mdmgen.spark;

import io.mdmgen.events.RateProfile;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The driver-side state one stream run shares between its source (which Spark creates) and the
 * job that watches it: when pacing started, where the run stops, what has been committed.
 */
public final class StreamControl {
  private static final Map<String, StreamControl> RUNS = new ConcurrentHashMap<>();

  private final String token;
  private final RateProfile profile;
  private final double durationSeconds;
  private final EventTally tally;
  private long anchorMillis = -1;
  private long anchorN;
  private long firstN = -1;
  private long stopN = Long.MAX_VALUE;
  private volatile long committedN = -1;
  private volatile boolean closing;
  private volatile long admittedN = -1;

  private StreamControl(String token, RateProfile profile, double durationSeconds,
      EventTally tally) {
    this.token = token;
    this.profile = profile;
    this.durationSeconds = durationSeconds;
    this.tally = tally;
  }

  /**
   * A new run; {@code durationSeconds} may be infinite (until stopped). {@code tally} must be
   * registered with the SparkContext.
   */
  public static StreamControl open(RateProfile profile, double durationSeconds, EventTally tally) {
    String token = java.util.UUID.randomUUID().toString();
    StreamControl c = new StreamControl(token, profile, durationSeconds, tally);
    RUNS.put(token, c);
    return c;
  }

  static StreamControl of(String token) {
    StreamControl c = RUNS.get(token);
    if (c == null) {
      throw new IllegalStateException("no mdmgen stream run " + token + " in this driver");
    }
    return c;
  }

  public EventTally tally() {
    return tally;
  }

  public String token() {
    return token;
  }

  public void close() {
    RUNS.remove(token);
  }

  /** Notes where the run starts: its first event is {@code n}; fixes where a bounded run stops. */
  synchronized void begin(long n) {
    if (firstN < 0) {
      firstN = n;
      if (!Double.isInfinite(durationSeconds)) {
        stopN = profile.dueBefore(profile.secondsAt(n) + durationSeconds);
      }
    }
  }

  /**
   * Starts the clock, if not started yet: event {@code n} was (or is) due at {@code millis},
   * later events after it as the profile says. A restarted run thus goes on at the target rate
   * instead of bursting to catch up with the time it was down.
   */
  synchronized void anchor(long n, long millis) {
    if (anchorMillis < 0) {
      anchorMillis = millis;
      anchorN = n;
    }
  }

  synchronized boolean anchored() {
    return anchorMillis >= 0;
  }

  public synchronized long anchorMillis() {
    return anchorMillis;
  }

  public synchronized long anchorN() {
    return anchorN;
  }

  /** The first event of this run (-1 before it began). */
  public synchronized long firstN() {
    return firstN;
  }

  /**
   * Where a bounded run stops (Long.MAX_VALUE: not bounded): it emits the events before this one
   * and the rest of the step this one is in.
   */
  public synchronized long stopN() {
    return stopN;
  }

  /** Events of {@code [anchorN, n)} that are due by now plus {@code aheadSeconds}. */
  synchronized long dueNow(double aheadSeconds) {
    double t = profile.secondsAt(anchorN) + (System.currentTimeMillis() - anchorMillis) / 1000.0
        + aheadSeconds;
    return Math.min(profile.dueBy(t), stopN);
  }

  /** Records that the events before {@code n} are written (from the query's progress). */
  public void committed(long n) {
    committedN = n;
  }

  /** Events before this one have been written and committed. */
  public long committedN() {
    return committedN;
  }

  /** Admits no more events: the run ends once what is in flight is written. */
  public void closeAdmission() {
    closing = true;
  }

  boolean admitting() {
    return !closing;
  }

  /** Events before {@code n} have been handed to a micro-batch. */
  void admitted(long n) {
    admittedN = n;
  }

  /** True once the run is over: every event of a bounded run, or every admitted one after closing. */
  public boolean finished() {
    return committedN >= stopN || (closing && committedN >= admittedN);
  }
}
