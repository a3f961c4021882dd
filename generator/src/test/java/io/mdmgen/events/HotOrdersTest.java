package io.mdmgen.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmgen.world.Scenario;
import io.mdmgen.world.SourceSystem;
import io.mdmgen.world.World;
import io.mdmgen.world.WorldSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HotOrdersTest {
  static StreamPlan plan(int customers, double share, double exponent) {
    String scenario = EventStreamTest.SCENARIO.replace("stream: {", String.format(
        java.util.Locale.ROOT, "stream: {hot_keys: {customers: %d, share: %s, exponent: %s}, ",
        customers, share, exponent));
    return StreamPlan.of(new WorldSpec(7, WorldSpec.DEFAULT_AS_OF, Scenario.parse(scenario)),
        RateProfile.constant(5_000), false);
  }

  @Test
  void theOrdersBeforeAStepAreThoseAtEveryEarlierStep() {
    StreamPlan p = plan(40, 0.6, 1.0);
    HotOrders hot = p.hotOrders(p.spec().world());
    long[] placed = new long[hot.size()];
    int[] ranks = new int[hot.mostAtOnce()];
    long orders = 0;
    for (long step = 0; step < 20_000; step++) {
      for (int r = 0; r < hot.size(); r++) {
        assertEquals(placed[r], hot.before(r, step), "orders of rank " + r + " before step " + step);
      }
      int n = hot.at(step, ranks);
      for (int i = 0; i < n; i++) {
        assertTrue(step > hot.customer(ranks[i]), "an order before its customer exists");
        placed[ranks[i]]++;
      }
      orders += n;
    }
    assertTrue(orders > 10_000, "orders placed: " + orders);
  }

  @Test
  void ordersFollowZipfOverThePool() {
    StreamPlan p = plan(400, 0.6, 1.0);
    HotOrders hot = p.hotOrders(p.spec().world());
    for (int r = 1; r < hot.size(); r++) {
      double ratio = (double) hot.period(r) / hot.period(0) / (r + 1);
      assertTrue(hot.period(0) < 20 || (ratio > 1 / 1.1 && ratio < 1.1),
          "rank " + r + " orders every " + hot.period(r) + " steps, rank 0 every " + hot.period(0));
    }
    StreamPlan even = plan(400, 0.6, 0);
    HotOrders flat = even.hotOrders(even.spec().world());
    assertEquals(flat.period(0), flat.period(399), "exponent 0 spreads orders evenly");
  }

  /** The brute-force count: every event of the shop's topic by key, from the events themselves. */
  static KeyShares counted(StreamPlan p, long events) {
    World world = p.spec().world();
    EventCursor c = new EventCursor(world, p, EventStreamTest.IDS, EventOffset.START, events, 0, 1);
    Map<String, Long> byKey = new HashMap<>();
    long total = 0;
    while (c.next()) {
      if (c.topic() == Topic.of(SourceSystem.ECOMMERCE)) {
        byKey.merge(new String(c.key(), StandardCharsets.UTF_8), 1L, Long::sum);
        total++;
      }
    }
    List<Long> counts = new ArrayList<>(byKey.values());
    counts.sort(Comparator.reverseOrder());
    long top = 0;
    for (int i = 0; i < Math.max(1, (counts.size() + 99) / 100); i++) {
      top += counts.get(i);
    }
    return new KeyShares(byKey.size(), total, -1, top);
  }

  @Test
  void keySharesCountWhatTheEventsCarry() {
    StreamPlan p = plan(40, 0.6, 1.0);
    long events = 150_000;
    KeyShares walked = KeyShares.of(p.spec().world(), p, EventOffset.START, events);
    KeyShares counted = counted(p, events);
    assertEquals(counted.keys(), walked.keys());
    assertEquals(counted.events(), walked.events());
    assertEquals(counted.topEvents(), walked.topEvents());
    Timeline t = new Timeline(p.spec().world(), p);
    KeyShares later = KeyShares.of(p.spec().world(), p, t.locate(40_000), events - 40_000);
    assertTrue(later.events() < walked.events() && later.keys() < walked.keys());
  }

  @Test
  void ordersAreTheConfiguredShareAndWithAOnePercentPoolTheTopOnePercentCarryIt() {
    for (double share : new double[] {0.3, 0.6, 0.9}) {
      // From where the pool exists (its last customer is created within the first few thousand
      // steps); the pool is 1 % of the shop records those events hold, found in two passes.
      long skip = 50_000;
      long events = 350_000;
      int pool = 40;
      KeyShares s = null;
      for (int pass = 0; pass < 3; pass++) {
        StreamPlan p = plan(pool, share, 1.0);
        EventOffset from = new Timeline(p.spec().world(), p).locate(skip);
        s = KeyShares.of(p.spec().world(), p, from, events);
        pool = (int) (s.keys() / 100);
      }
      assertEquals(share, s.orderShare(), 0.01, "orders' share of the shop's events at " + share);
      assertEquals(share, s.topShare(), 0.02, "the top 1 % of " + s.keys() + " keys at " + share);
    }
  }

  @Test
  void aShareThePoolCannotPlaceIsRefusedNamingTheOption() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plan(2, 0.95, 1));
    assertTrue(e.getMessage().startsWith("stream.hot_keys: share 0.95 needs"), e.getMessage());
  }

  @Test
  void badHotKeysAreRefusedNamingKeyAndValue() {
    for (String[] c : new String[][] {
        {"{customers: 1.5}", "stream.hot_keys.customers = 1.5 is not a whole number"},
        {"{customers: -1}", "stream.hot_keys.customers = -1 is not a number in [0, 100000]"},
        {"{share: 1}", "stream.hot_keys.share = 1 is not a share in (0, 0.95]"},
        {"{exponent: 9}", "stream.hot_keys.exponent = 9 is not a number in [0, 5]"},
        {"{hot: 1}", "stream.hot_keys.hot: unknown key (allowed: customers, exponent, share)"},
        {"7", "stream.hot_keys: expected a map of customers, share, exponent"}}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Scenario.parse("stream: {hot_keys: " + c[0] + "}"));
      assertEquals(c[1], e.getMessage());
    }
  }
}
