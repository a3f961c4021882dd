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
    // stages: each its rate for its time, then the last goes on
    "'steps:1000@60s,5000@60s,10000@120s', NaN, 60,  60001,   60000",
    "'steps:1000@60s,5000@60s,10000@120s', NaN, 120, 360001,  360000",
    "'steps:1000@60s,5000@60s,10000@120s', NaN, 240, 1560001, 1560000",
    "'steps:1000@60s,5000@60s,10000@120s', NaN, 250, 1660001, 1660000",
    "'steps:100@10s,0@10s,100@10s',        NaN, 15,  1000,    1000",
    "'steps:100@10s,0@10s,100@10s',        NaN, 20,  1001,    1000",
    // 4 min 30 s at the base rate, then 30 s at ten times it
    "'spike:10x@30s/5m', 1000, 270, 270001, 270000",
    "'spike:10x@30s/5m', 1000, 285, 420001, 420000",
    "'spike:10x@30s/5m', 1000, 300, 570001, 570000",
    "'spike:10x@30s/5m', 1000, 870, 1410001, 1410000",
    // half a day from the trough to the peak: the integral of the cosine
    "'diurnal:20000/2000@24h', NaN, 43200, 475200001, 475200000",
    "'diurnal:20000/2000@24h', NaN, 86400.0002, 950400001, 950400001",
  })
  void countsDueEvents(String spec, double rate, double seconds, long dueBy, long dueBefore) {
    RateProfile p = RateProfile.parse(spec, rate);
    assertEquals(dueBy, p.dueBy(seconds));
    assertEquals(dueBefore, p.dueBefore(seconds));
  }

  @Test
  void dueByAndSecondsAtAgreeEverywhere() {
    for (RateProfile p : new RateProfile[] {RateProfile.constant(7), RateProfile.constant(123_456.7),
        RateProfile.ramp(50_000, 60), RateProfile.ramp(3, 2.5),
        RateProfile.parse("steps:1000@60s,0@5s,50000@2s,7@1m", Double.NaN),
        RateProfile.parse("spike:10x@2s/7s", 3_333), RateProfile.parse("spike:0.5x@1s/3s", 20_000),
        RateProfile.parse("diurnal:20000/2000@1m", Double.NaN),
        RateProfile.parse("diurnal:5000/5000@10s", Double.NaN)}) {
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
  void aSpikeAndADayHaveTheirShape() {
    RateProfile spike = RateProfile.parse("spike:10x@30s/5m", 1_000);
    assertEquals(1_000, spike.dueBefore(100) - spike.dueBefore(99));
    assertEquals(10_000, spike.dueBefore(281) - spike.dueBefore(280));
    assertEquals(1_000, spike.dueBefore(301) - spike.dueBefore(300), "the next period starts calm");
    RateProfile day = RateProfile.parse("diurnal:20000/2000@24h", Double.NaN);
    assertEquals(2_000, day.dueBefore(1) - day.dueBefore(0), 1);
    assertEquals(20_000, day.dueBefore(43_200.5) - day.dueBefore(43_199.5), 1);
    assertEquals(11_000, day.dueBefore(21_600.5) - day.dueBefore(21_599.5), 2);
  }

  @ParameterizedTest
  @CsvSource({"'steps:1000@60s,5000@1m30s'", "'spike:10x@30s/5m'", "'diurnal:20000/2000@24h'",
      "'ramp:90s'", "constant", "'steps:0.5@500ms,2@1s'"})
  void aProfileWritesItselfAsItIsRead(String spec) {
    RateProfile p = RateProfile.parse(spec, 100);
    assertEquals(p, RateProfile.parse(p.text(), 100), p.text());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "steps:|RATE@DURATION", "steps:1000|RATE@DURATION", "'steps:1000@0s'|duration longer than 0",
    "'steps:1000@60s,0@10s'|last stage", "steps:fast@10s|rate of 0 or more",
    "spike:10x@5m/30s|shorter than its period", "spike:x@30s/5m|FACTORx@DURATION/PERIOD",
    "spike:0x@30s/5m|factor must be above 0",
    "diurnal:100/200@1h|peak at or above", "diurnal:100/0@1h|trough above 0", "diurnal:100@1h|PEAK/TROUGH@PERIOD",
  })
  void badSchedulesAreNamedWithWhatIsWrong(String spec, String says) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RateProfile.parse(spec, 1_000));
    assertTrue(e.getMessage().startsWith("'" + spec + "'") && e.getMessage().contains(says),
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"constant", "'ramp:60s'", "'spike:10x@30s/5m'"})
  void profilesWithoutRatesOfTheirOwnNeedTheBaseRate(String spec) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RateProfile.parse(spec, Double.NaN));
    assertTrue(e.getMessage().contains("--events-per-second"), e.getMessage());
    assertTrue(RateProfile.parse("steps:5@1s", Double.NaN).ownRates());
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
