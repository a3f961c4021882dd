package io.mdmgen.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void oneLayoutFromStartToEnd() {
    String start = ProgressLine.line("mdmgen batch", 0, 2_507_295, Duration.ZERO, " customers");
    String middle = ProgressLine.line("mdmgen batch", 576_282, 2_507_295, Duration.ofSeconds(4), " raw_crm_customers");
    String end = ProgressLine.line("mdmgen batch", 2_507_295, 2_507_295, Duration.ofSeconds(17), " hard_negatives");
    assertEquals("mdmgen batch   0% [                              ]         0 / 2,507,295 rows"
        + "  0:00:00 elapsed, ? left  ? rows/s customers", start);
    assertEquals("mdmgen batch  22% [======                        ]   576,282 / 2,507,295 rows"
        + "  0:00:04 elapsed, 0:00:13 left  144,071 rows/s raw_crm_customers", middle);
    assertEquals("mdmgen batch 100% [==============================] 2,507,295 / 2,507,295 rows"
        + "  0:00:17 elapsed, 0:00:00 left  147,488 rows/s hard_negatives", end);
    // The bar starts at the same column and has the same width in every line.
    for (String line : new String[] {start, middle, end}) {
      assertEquals(18, line.indexOf('['));
      assertEquals(18 + ProgressLine.BAR + 1, line.indexOf(']'));
    }
  }

  @Test
  void theTimeLeftFollowsTheMeanRateSoFar() {
    String line = ProgressLine.line("t", 250, 1_000, Duration.ofSeconds(10), "");
    assertTrue(line.contains("0:00:10 elapsed, 0:00:30 left  25 rows/s"), line);
  }
}
