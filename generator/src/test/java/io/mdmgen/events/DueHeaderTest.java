package io.mdmgen.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DueHeaderTest {
  @ParameterizedTest
  @ValueSource(longs = {0, 7, 10, 999, 1_764_633_600_000L, 9_999_999_999_999L, 10_000_000_000_000L})
  void readsBackWhatItWrites(long millis) {
    byte[] v = DueHeader.value(millis);
    assertArrayEquals(Long.toString(millis).getBytes(StandardCharsets.US_ASCII), v);
    assertEquals(millis, DueHeader.millis(v));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12a", "-5", " 12", "1234567890123456789", "1.5"})
  void anythingElseIsNone(String text) {
    assertEquals(DueHeader.NONE, DueHeader.millis(text.getBytes(StandardCharsets.US_ASCII)));
  }
}
