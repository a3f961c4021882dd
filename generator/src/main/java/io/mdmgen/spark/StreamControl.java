package io.mdmgen.spark;

import io.mdmgen.events.Clock;
import io.mdmgen.events.EventOffset;
import io.mdmgen.events.Pacer;
import io.mdmgen.events.RateProfile;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The driver-side state one stream run shares between its source (which Spark creates from
 * string options, so it finds this by token) and the job that watches it: its {@link Pacer} once
 * the clock starts, where the run stops, what has been committed. The pacing arithmetic is the
 * pacer's; time comes from the {@link Clock} the run was opened with.
 */
public final class StreamControl {
  private static final Map<String, StreamControl> RUNS = new ConcurrentHashMap<>();

  private final String token;
  private final RateProfile profile;
  private final double durationSeconds;
  private final EventTally tally;
  private final Clock clock;
  private Pacer pacer;
  private EventOffset first;
  private long stopN = Long.MAX_VALUE;
  private volatile long committedN = -1;
  private volatile boolean closing;
  private volatile long admittedN = -1;

  private StreamControl(String token, RateProfile profile, double durationSeconds,
      EventTally tally, Clock clock) {
    this.token = token;
    this.profile = profile;
    this.durationSeconds = durationSeconds;
    this.tally = tally;
    this.clock = clock;
  }

  /**
   * A new run; {@code durationSeconds} may be infinite (until stopped). {@code tally} must be
   * registered with the SparkContext.
   */
  public static StreamControl open(RateProfile profile, double durationSeconds, EventTally tally,
      Clock clock) {
    String token = java.util.UUID.randomUUID().toString();
    StreamControl c = new StreamControl(token, profile, durationSeconds, tally, clock);
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

  public Clock clock() {
    return clock;
  }

  public String token() {
    return token;
  }

  public void close() {
    RUNS.remove(token);
  }

  /** Notes where the run starts; fixes where a bounded run stops. */
  synchronized void begin(EventOffset from) {
    if (first == null) {
      first = from;
      if (!Double.isInfinite(durationSeconds)) {
        stopN = Pacer.stopAfter(profile, from.n(), durationSeconds);
      }
    }
  }

  /**
   * Starts the clock, if not started yet: event {@code n} was (or is) due at {@code millis},
   * later events after it as the profile says.
   */
  synchronized void anchor(long n, long millis) {
    if (pacer == null) {
      pacer = Pacer.start(profile, n, millis);
    }
  }

  /** The run's pacer; null until the clock starts. */
  public synchronized Pacer pacer() {
    return pacer;
  }

  /** The first event of this run (-1 before it began). */
  public synchronized long firstN() {
    return first == null ? -1 : first.n();
  }

  /** Where this run began; {@link EventOffset#START} if it has not. */
  public synchronized EventOffset first() {
    return first == null ? EventOffset.START : first;
  }

  /**
   * Where a bounded run stops (Long.MAX_VALUE: not bounded): it emits the events before this one
   * and the rest of the step this one is in.
   */
  public synchronized long stopN() {
    return stopN;
  }

  /** Events due by now plus {@code aheadSeconds}, up to where the run stops. */
  synchronized long dueNow(double aheadSeconds) {
    return Math.min(pacer.dueBy(clock.millis(), aheadSeconds), stopN);
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
