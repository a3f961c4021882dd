package io.mdmgen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmgen.events.EventOffset;
import io.mdmgen.events.RateProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceStateTest {
  private static final EventOffset FIRST = new EventOffset(1_000, 40, 3);

  @Test
  void metricsRoundTrip() {
    SourceState s = new SourceState(FIRST, 5_000, 2_000, true, 1_700_000_000_123L, 0.5);
    assertEquals(s, SourceState.of(s.metrics()).orElseThrow());
  }

  @Test
  void noStateBeforeTheSourceBegan() {
    assertTrue(SourceState.of(Map.of()).isEmpty());
    assertTrue(SourceState.of(null).isEmpty());
  }

  @Test
  void thePacerIsKnownOnceTheClockStarted() {
    RateProfile profile = RateProfile.parse("constant", 100);
    assertTrue(new SourceState(FIRST, Long.MAX_VALUE, 1_000, false, -1, 0).pacer(profile).isEmpty());
    assertEquals(42L, new SourceState(FIRST, Long.MAX_VALUE, 1_000, false, 42, 0).pacer(profile)
        .orElseThrow().anchorMillis());
  }

  @Test
  void aRunFinishesAtItsStopOrWhenClosingAndAllAdmittedIsCommitted() {
    SourceState bounded = new SourceState(FIRST, 5_000, 5_200, false, 0, 0);
    assertFalse(bounded.finished(4_999));
    assertTrue(bounded.finished(5_000));
    SourceState open = new SourceState(FIRST, Long.MAX_VALUE, 3_000, false, 0, 0);
    assertFalse(open.finished(3_000));
    SourceState closing = new SourceState(FIRST, Long.MAX_VALUE, 3_000, true, 0, 0);
    assertFalse(closing.finished(2_999));
    assertTrue(closing.finished(3_000));
  }
}
