package io.mdmgen.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PairCountsTest {
  @ParameterizedTest(name = "{0} correct of {1} predicted, {2} true")
  @CsvSource({
      // correct, predicted, truth, precision, recall, f1 (NaN: undefined)
      "10, 10, 10, 1.0, 1.0, 1.0",
      "0, 0, 10, NaN, 0.0, 0.0",       // every record alone: nothing predicted, nothing found
      "0, 10, 0, 0.0, NaN, 0.0",       // a truth without pairs: merges are all false
      "0, 0, 0, NaN, NaN, NaN",
      "6, 8, 12, 0.75, 0.5, 0.6",
      "1, 3, 1, 0.3333333333333333, 1.0, 0.5"})
  void figuresFollowFromTheCounts(long correct, long predicted, long truth, double p, double r, double f1) {
    PairCounts c = new PairCounts(correct, predicted, truth);
    assertEquals(p, c.precision(), 1e-12);
    assertEquals(r, c.recall(), 1e-12);
    assertEquals(f1, c.f1(), 1e-12);
    assertEquals(predicted - correct, c.falseMerges());
    assertEquals(truth - correct, c.missed());
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "1, 0", "2, 1", "3, 3", "10, 45", "100000000, 4999999950000000"})
  void pairsAmongRecords(long n, long pairs) {
    assertEquals(pairs, PairCounts.among(n));
  }

  @ParameterizedTest
  @CsvSource({"-1, 0, 0", "2, 1, 5", "2, 5, 1"})
  void impossibleCountsAreRefused(long correct, long predicted, long truth) {
    assertThrows(IllegalArgumentException.class, () -> new PairCounts(correct, predicted, truth));
  }

  @ParameterizedTest
  @CsvSource({
      // precision sum, recall sum, records, precision, recall, f1
      "4.0, 4.0, 4, 1.0, 1.0, 1.0",
      "4.0, 2.0, 4, 1.0, 0.5, 0.6666666666666666",
      "0.0, 0.0, 0, NaN, NaN, NaN"})
  void bCubedAveragesOverRecords(double ps, double rs, long n, double p, double r, double f1) {
    BCubed b = new BCubed(ps, rs, n);
    assertEquals(p, b.precision(), 1e-12);
    assertEquals(r, b.recall(), 1e-12);
    assertEquals(f1, b.f1(), 1e-12);
  }
}
