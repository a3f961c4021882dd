package io.mdmgen.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EventCountsTest {
  private static EventCounts sample() {
    EventCounts c = new EventCounts();
    c.add(Topic.CUSTOMERS, EventKind.CREATE, 1_000, 3600, 120);
    c.add(Topic.CUSTOMERS, EventKind.UPDATE, 1_500, 3601, 80);
    c.add(Topic.MATCH_TRUTH, EventKind.TRUTH, 900, 3600, 40);
    c.acked(3601);
    c.acked(3602);
    return c;
  }

  @Test
  void textRoundTripsEveryFigure() {
    EventCounts c = sample();
    EventCounts back = EventCounts.parse(c.text());
    assertEquals(c.text(), back.text());
    assertEquals(3, back.total());
    assertEquals(2, back.acked());
    assertEquals(240, back.bytes());
    assertEquals(900, back.firstMillis());
    assertEquals(1_500, back.lastMillis());
    assertEquals(1, back.of(Topic.CUSTOMERS, EventKind.UPDATE));
    assertEquals(2, back.inSecond(3600));
    assertEquals(1, back.inSecond(3601, Topic.CUSTOMERS));
    assertEquals(3602, back.seconds());
    assertEquals(3603, back.ackedSeconds());
    assertEquals(1, back.ackedInSecond(3602));
  }

  @Test
  void aBatchLateInARunStaysShort() {
    // The series start at their first non-zero second, not at second 0.
    assertTrue(sample().text().length() < 200, sample().text());
  }

  @Test
  void emptyCountsRoundTrip() {
    EventCounts back = EventCounts.parse(new EventCounts().text());
    assertEquals(0, back.total());
    assertEquals(0, back.seconds());
    assertEquals(0, back.ackedSeconds());
    assertEquals(Long.MAX_VALUE, back.firstMillis());
  }

  @Test
  void mergingAddsUp() {
    EventCounts a = sample();
    a.merge(sample());
    assertEquals(6, a.total());
    assertEquals(4, a.acked());
    assertEquals(4, a.inSecond(3600));
    assertEquals(2, a.ackedInSecond(3601));
  }

  @Test
  void notCountsIsRefusedWithTheText() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EventCounts.parse("kinds=1,2;sent=0:"));
    assertTrue(e.getMessage().contains("kinds=1,2"), e.getMessage());
  }
}
