package io.mdmgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountsTest {
  @ParameterizedTest
  @CsvSource({"1000000,1000000", "1_000_000,1000000", "1e6,1000000", "1e9,1000000000",
      "250M,250000000", "250m,250000000", "1.5B,1500000000", "10k,10000", "2.5e3,2500"})
  void readsTheFormsPeopleWrite(String text, long expected) {
    assertEquals(expected, Counts.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-5", "0", "abc", "1.5", "1e", "", "12x", "1e30"})
  void rejectsWhatIsNotAPositiveWholeCount(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Counts.parse(text));
    assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e30", "9223372036854775808", "10000000T"})
  void aCountBeyondALongSaysSo(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Counts.parse(text));
    assertTrue(e.getMessage().contains("more than the largest count, 9,223,372,036,854,775,807"), e.getMessage());
  }
}
