package io.mdmgen.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PacerTest {
  /** A clock that moves only when told to, and records every wait. */
  static final class ManualClock implements Clock {
    long now;
    final List<Long> sleeps = new ArrayList<>();

    ManualClock(long now) {
      this.now = now;
    }

    @Override
    public long millis() {
      return now;
    }

    @Override
    public void sleep(long millis) {
      sleeps.add(millis);
      now += millis;
    }
  }

  @ParameterizedTest(name = "{0} at {1}/s from event {2}: event {3} due {4} ms after the anchor")
  @CsvSource({
    // profile, rate, anchor event, event, due after anchor (ms)
    "constant,  1000, 0,      0,      0",
    "constant,  1000, 0,      1,      1",
    "constant,  1000, 0,      2500,   2500",
    "constant,  1000, 50000,  51000,  1000",
    "constant,  4,    0,      3,      750",
    "ramp:10s,  1000, 0,      5000,   10000",
    "ramp:10s,  1000, 0,      6000,   11000",
    "ramp:10s,  1000, 5000,   6000,   1000",
  })
  void dueTimesFollowTheProfileFromTheAnchor(String spec, double rate, long anchor, long n,
      long afterMillis) {
    Pacer p = Pacer.start(RateProfile.parse(spec, rate), anchor, 1_000_000);
    assertEquals(1_000_000 + afterMillis, p.dueMillis(n));
  }

  @Test
  void dueByCountsTheEventsDueAtAnInstantAndAhead() {
    Pacer p = Pacer.start(RateProfile.constant(1_000), 10_000, 5_000);
    assertEquals(10_001, p.dueBy(5_000, 0), "the anchor event is due at the anchor");
    assertEquals(11_001, p.dueBy(6_000, 0));
    assertEquals(11_501, p.dueBy(6_000, 0.5));
    assertEquals(0, p.secondOf(4_000));
    assertEquals(3, p.secondOf(8_999));
    assertEquals(2_000, p.plannedBetween(0, 2));
  }

  @Test
  void awaitSleepsUntilDueAndNeverForALateEvent() throws InterruptedException {
    ManualClock clock = new ManualClock(0);
    Pacer p = Pacer.start(RateProfile.constant(100), 0, 1_000);
    assertEquals(1_000, p.await(0, clock));
    assertEquals(List.of(1_000L), clock.sleeps);
    assertEquals(1_010, p.await(1, clock));
    assertEquals(1_500, p.await(50, clock));
    clock.now = 3_000; // the sender was held up
    assertEquals(3_000, p.await(60, clock), "a late event leaves at once");
    assertEquals(List.of(1_000L, 10L, 490L), clock.sleeps);
  }

  @Test
  void anInterruptedWaitKeepsTheInterrupt() {
    Clock interrupted = new Clock() {
      @Override
      public long millis() {
        return 0;
      }

      @Override
      public void sleep(long millis) throws InterruptedException {
        throw new InterruptedException();
      }
    };
    Pacer p = Pacer.start(RateProfile.constant(1), 0, 0);
    assertThrows(InterruptedException.class, () -> p.await(5, interrupted));
  }

  @Test
  void aBoundedRunStopsAtItsDurationFromWhereItStarts() {
    RateProfile p = RateProfile.constant(2_000);
    assertEquals(100_000, Pacer.stopAfter(p, 0, 50));
    assertEquals(120_000, Pacer.stopAfter(p, 20_000, 50), "a restarted run gets its own duration");
    assertEquals(RateProfile.MOST_EVENTS, Pacer.stopAfter(RateProfile.constant(1e30), 0, 5));
    assertEquals(-1, Pacer.start(RateProfile.constant(1e30), 0, 0).plannedBetween(0, 5),
        "beyond counting");
  }

  @Test
  void aPacerIsAValue() {
    Pacer a = Pacer.start(RateProfile.constant(10), 3, 77);
    assertEquals(a, Pacer.start(RateProfile.constant(10), 3, 77));
    assertTrue(a.anchorSeconds() > 0);
  }
}
