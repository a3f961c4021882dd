package io.mdmgen.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateProfileTest {
  @ParameterizedTest(name = "{0} at {1}/s: due by {2} s = {3}, before = {4}")
  @CsvSource({
    // profile,  rate, seconds, dueBy, dueBefore
    "constant,   5000, 0,       1,     0",
    "constant,   5000, 1,       5001,  5000",
    "constant,   5000, 60,      300001, 300000",
    "constant,   3,    0.5,     2,     2",
    "ramp:10s,   1000, 0,       1,     0",
    "ramp:10s,   1000, 10,      5001,  5000",
    "ramp:10s,   1000, 5,       1251,  1250",
    "ramp:10s,   1000, 20,      15001, 15000",
  })
  void countsDueEvents(String spec, double rate, double seconds, long dueBy, long dueBefore) {
    RateProfile p = RateProfile.parse(spec, rate);
    assertEquals(dueBy, p.dueBy(seconds));
    assertEquals(dueBefore, p.dueBefore(seconds));
  }

  @Test
  void dueByAndSecondsAtAgreeEverywhere() {
    for (RateProfile p : new RateProfile[] {RateProfile.constant(7), RateProfile.constant(123_456.7),
        RateProfile.ramp(50_000, 60), RateProfile.ramp(3, 2.5)}) {
      for (long n = 0; n < 200_000; n += 997) {
        double t = p.secondsAt(n);
        assertTrue(p.dueBy(t) > n, p + " event " + n + " is due at its own time");
        assertEquals(n, p.dueBefore(t), p + " events before event " + n);
        assertTrue(n == 0 || p.secondsAt(n - 1) <= t, "times never go back");
      }
    }
  }

  @ParameterizedTest(name = "{0} at {1}/s")
  @CsvSource({"constant, 1e30", "constant, 1e18", "ramp:5s, 1e30"})
  void targetsBeyondAnyMachineStayCountable(String spec, double rate) {
    RateProfile p = RateProfile.parse(spec, rate);
    assertEquals(RateProfile.MOST_EVENTS, p.dueBy(5));
    assertEquals(RateProfile.MOST_EVENTS, p.dueBefore(p.secondsAt(0) + 5));
    assertEquals(1, p.dueBy(0), "event 0 is due at once");
    assertTrue(p.secondsAt(1_000_000) < 1e-3);
  }

  @Test
  void rampRisesLinearly() {
    RateProfile p = RateProfile.ramp(10_000, 100);
    // Half-way up the ramp the rate is half the target: about 5,000 events in the 50th second.
    long inSecond50 = p.dueBefore(50.5) - p.dueBefore(49.5);
    assertEquals(5_000, inSecond50, 5);
    assertEquals(10_000, p.dueBefore(150.5) - p.dueBefore(149.5), 1);
  }

  @ParameterizedTest
  @CsvSource({"wave", "ramp", "ramp:", "ramp:-3s", "ramp:0s", "ramp:soon", "Constant "})
  void rejectsUnknownProfilesNamingTheAllowedOnes(String spec) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateProfile.parse(spec, 10));
    assertTrue(e.getMessage().contains("constant") && e.getMessage().contains("ramp:"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"60s, 60", "10m, 600", "1h30m, 5400", "500ms, 0.5", "1.5h, 5400", "2d, 172800"})
  void readsDurations(String text, double seconds) {
    assertEquals(seconds, Durations.seconds(text), 1e-9);
  }

  @ParameterizedTest
  @CsvSource({"soon", "60", "s", "10 m", "-5s", "1h-5m"})
  void rejectsWhatIsNotADuration(String text) {
    assertThrows(IllegalArgumentException.class, () -> Durations.seconds(text));
  }
}
