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
      assertEquals(0.10, d.rates(s).typo());
      assertEquals(0.15, d.rates(s).missing());
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
  void badFilesNameTheKeyAndValue() {
    assertMessage("crm.typo = 1.5 is not a rate in [0, 1]", "crm:\n  typo: 1.5\n");
    assertMessage("erp.coverage = -0.1 is not a rate in [0, 1]", "erp:\n  coverage: -0.1\n");
    assertMessage("crm.typos: unknown key", "crm:\n  typos: 0.1\n");
    assertMessage("unknown source system 'sap'", "sap:\n  typo: 0.1\n");
    assertMessage("crm.copies = [0.5,0.6] sums to", "crm:\n  copies: [0.5, 0.6]\n");
    assertMessage("not valid YAML", "crm: [unclosed\n");
  }

  private static void assertMessage(String expected, String yaml) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenario.parse(yaml));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
