package io.mdmgen.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScenarioTest {
  @Test
  void defaultsAreTheBriefs() {
    Scenario d = Scenario.defaults();
    assertEquals(0.80, d.rates(SourceSystem.CRM).coverage());
    assertArrayEquals(new double[] {0.85, 0.15}, d.rates(SourceSystem.CRM).copies());
    assertEquals(0.70, d.rates(SourceSystem.ERP).coverage());
    assertArrayEquals(new double[] {1.0}, d.rates(SourceSystem.ERP).copies());
    assertEquals(0.60, d.rates(SourceSystem.ECOMMERCE).coverage());
    assertArrayEquals(new double[] {0.70, 0.25, 0.05}, d.rates(SourceSystem.ECOMMERCE).copies());
    for (SourceSystem s : SourceSystem.values()) {
      assertEquals(0.20, d.rates(s).emailDomainChange());
      assertEquals(0.15, d.rates(s).missing());
      assertTrue(d.rates(s).typo() >= 0.05, "every system makes typos");
    }
    assertEquals(0.8 * 1.15 + 0.7 + 0.6 * 1.35, d.recordsPerMaster(), 1e-9);
  }

  @Test
  void aFileOverridesOnlyWhatItNames() {
    Scenario s = Scenario.parse("crm:\n  typo: 0.05\n  copies: [0.5, 0.5]\necommerce:\n  coverage: 1\n");
    assertEquals(0.05, s.rates(SourceSystem.CRM).typo());
    assertArrayEquals(new double[] {0.5, 0.5}, s.rates(SourceSystem.CRM).copies());
    assertEquals(0.80, s.rates(SourceSystem.CRM).coverage());
    assertEquals(1.0, s.rates(SourceSystem.ECOMMERCE).coverage());
    assertEquals(Scenario.defaults().rates(SourceSystem.ERP), s.rates(SourceSystem.ERP));
    assertEquals(s, Scenario.parse(s.toJson()), "JSON round trip");
  }

  @Test
  void householdsAndErrorsAreSetInTheFile() {
    Scenario s = Scenario.parse("""
        households: {sizes: [0.5, 0.5], landline: 0}
        erp: {ocr: 0.1, messy_share: 0, stale_address: 1}
        """);
    assertArrayEquals(new double[] {0.5, 0.5}, s.households().sizes());
    assertEquals(0.0, s.households().landline());
    assertEquals(Scenario.defaults().households().juniors(), s.households().juniors());
    assertEquals(0.5 * 2 / 1.5, s.households().sharing(), 1e-9, "two of three customers live with another");
    assertEquals(0.1, s.rates(SourceSystem.ERP).corruption().rate(Corruption.Kind.OCR));
    assertEquals(1.0, s.rates(SourceSystem.ERP).staleAddress());
    assertEquals(s, Scenario.parse(s.toJson()), "JSON round trip");
    assertMessage("households.size: unknown key", "households: {size: [1]}");
    assertMessage("households.sizes = [0.5,0.6] sums to", "households: {sizes: [0.5, 0.6]}");
  }

  @Test
  void badFilesNameTheKeyAndValue() {
    assertMessage("crm.typo = 1.5 is not a rate in [0, 1]", "crm:\n  typo: 1.5\n");
    assertMessage("erp.coverage = -0.1 is not a rate in [0, 1]", "erp:\n  coverage: -0.1\n");
    assertMessage("crm.typos: unknown key", "crm:\n  typos: 0.1\n");
    assertMessage("unknown source system 'sap'", "sap:\n  typo: 0.1\n");
    assertMessage("crm.copies = [0.5,0.6] sums to", "crm:\n  copies: [0.5, 0.6]\n");
    assertMessage("not valid YAML", "crm: [unclosed\n");
    assertMessage("crm.typo = 0.5 is more than the records can carry: at most 0.320 with"
        + " messy_share 0.15 and messy_factor 5.0", "crm:\n  typo: 0.5\n");
    assertMessage("ecommerce.messy_factor = 50 is not a number in [1, 20]",
        "ecommerce:\n  messy_factor: 50\n");
  }

  @Test
  void streamSettingsHaveTheIssuesDefaultsAndCanBeOverridden() {
    Scenario d = Scenario.defaults();
    assertEquals(5, d.rates(SourceSystem.ECOMMERCE).lagSeconds(), "e-commerce: seconds");
    assertEquals(120, d.rates(SourceSystem.CRM).lagSeconds(), "CRM: minutes");
    assertEquals(3600, d.rates(SourceSystem.ERP).lagSeconds(), "ERP: hours");
    Scenario s = Scenario.parse("erp: {lag_seconds: 60}\nstream: {closure_rate: 0.5, life_span_seconds: 9}");
    assertEquals(60, s.rates(SourceSystem.ERP).lagSeconds());
    assertEquals(0.5, s.life().closureRate());
    assertEquals(9, s.life().spanSeconds());
    assertEquals(d.life().eventsPerCustomer(), s.life().eventsPerCustomer());
    assertEquals(s, Scenario.parse(s.toJson()));
    assertMessage("erp.lag_seconds = -1", "erp: {lag_seconds: -1}");
    assertMessage("stream.life_events_per_customer = 9", "stream: {life_events_per_customer: 9}");
    assertMessage("stream.life_event_mix", "stream: {life_event_mix: [1, 0]}");
    assertMessage("stream.lives: unknown key", "stream: {lives: 3}");
    assertMessage("allowed: stream, households, crm", "streams: {}");
  }

  private static void assertMessage(String expected, String yaml) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenario.parse(yaml));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
