package org.infolens.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tests that turn per-seed numbers into verdicts, on numbers with known p-values and intervals. */
class ClaimTestsTest {

    /** Seeds 1..n with these numbers, and a statistic that returns them. */
    private record Given(List<SeedRuns> seeds, SeedStatistic statistic) {
    }

    private static Given given(double... values) {
        List<SeedRuns> seeds = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            seeds.add(new SeedRuns(i + 1, Map.of()));
        }
        return new Given(seeds, SeedStatistic.of("given", s -> values[(int) s.seed() - 1]));
    }

    @Test
    void tooFewSeedsIsInconclusiveWhateverTheValues() {
        // 4 seeds far above the threshold: a one-sided signed-rank or sign test cannot give p below 1/16 > 0.05
        Given g = given(5, 6, 7, 8);
        for (ShiftTest t : List.of(ShiftTest.signedRank(g.statistic(), Direction.GREATER, 0), ShiftTest.signTest(g.statistic(), Direction.GREATER, 0))) {
            Evaluation e = t.evaluate(g.seeds());
            assertEquals(Verdict.INCONCLUSIVE, e.verdict(), e.reason());
            assertEquals(4, e.n());
            assertEquals(6.5, e.estimate(), 1e-12, "the statistic is still reported: the median");
            assertEquals(1.0 / 16, e.pValue(), 1e-12);
            assertTrue(e.reason().contains("at least 5 seeds"), e.reason());
        }
    }

    @Test
    void signedRankAllAboveGivesTheExactSmallestPValue() {
        Given g = given(0.5, 0.7, 0.2, 0.9, 1.1, 0.4, 0.3, 0.8);
        Evaluation e = ShiftTest.signedRank(g.statistic(), Direction.GREATER, 0.1).evaluate(g.seeds());
        assertEquals(Verdict.REPRODUCED, e.verdict());
        assertEquals(Math.pow(0.5, 8), e.pValue(), 1e-12, "every difference positive: P(W+ = 36) = 2^-8");
        assertEquals(0.6, e.estimate(), 1e-12);
    }

    @Test
    void contradictedWhenSignificantTheOtherWay() {
        Given g = given(-1, -2, -3, -4, -5, -6);
        Evaluation e = ShiftTest.signedRank(g.statistic(), Direction.GREATER, 0).evaluate(g.seeds());
        assertEquals(Verdict.NOT_REPRODUCED, e.verdict(), e.reason());
        assertEquals(1.0, e.pValue(), 1e-12);
    }

    @Test
    void noEffectIsInconclusiveBelowTenSeedsAndNotReproducedFromTen() {
        double[] mixed = {1, -1.5, 2, -2.5, 3, -3.5, 4, -4.5, 5, -5.5};
        Given nine = given(java.util.Arrays.copyOf(mixed, 9));
        assertEquals(Verdict.INCONCLUSIVE, ShiftTest.signedRank(nine.statistic(), Direction.GREATER, 0).evaluate(nine.seeds()).verdict());
        Given ten = given(mixed);
        assertEquals(Verdict.NOT_REPRODUCED, ShiftTest.signedRank(ten.statistic(), Direction.GREATER, 0).evaluate(ten.seeds()).verdict());
    }

    @Test
    void signTestCountsOnlyTheSide() {
        // 7 of 8 above: P(Binomial(8, 1/2) >= 7) = 9/256
        Given g = given(1, 2, 3, 4, 5, 6, 7, -100);
        Evaluation e = ShiftTest.signTest(g.statistic(), Direction.GREATER, 0).evaluate(g.seeds());
        assertEquals(9.0 / 256, e.pValue(), 1e-12);
        assertEquals(Verdict.REPRODUCED, e.verdict());
        // the same seeds against a paper that says "below": P(at most 7 of 8 above) = 1 - 1/256, and the other way 9/256
        Evaluation below = ShiftTest.signTest(g.statistic(), Direction.LESS, 0).evaluate(g.seeds());
        assertEquals(1 - 1.0 / 256, below.pValue(), 1e-12);
        assertEquals(Verdict.NOT_REPRODUCED, below.verdict(), below.reason());
        assertTrue(below.reason().contains("0.0352"), below.reason());
    }

    @Test
    void medianIntervalFromOrderStatistics() {
        // n = 10: P(B <= 1) = 11/1024 <= 0.025 < P(B <= 2): the 2nd and 9th order statistics, coverage 1 - 22/1024
        double[] i = ShiftTest.medianInterval(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1});
        assertEquals(2, i[0]);
        assertEquals(9, i[1]);
        assertEquals(1 - 22.0 / 1024, i[2], 1e-12);
    }

    @Test
    void correlationWithFisherIntervalAndTTest() {
        List<SeedRuns> seeds = given(1, 2, 3, 4, 5).seeds();
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {2, 1, 4, 3, 5}; // r = 0.8
        CorrelationTest t = new CorrelationTest(SeedStatistic.of("x", s -> x[(int) s.seed() - 1]),
                SeedStatistic.of("y", s -> y[(int) s.seed() - 1]), Direction.GREATER);
        Evaluation e = t.evaluate(seeds);
        assertEquals(0.8, e.estimate(), 1e-12);
        double z = 0.5 * Math.log(1.8 / 0.2);
        double half = 1.959963984540054 / Math.sqrt(2);
        assertEquals(Math.tanh(z - half), e.low(), 1e-9);
        assertEquals(Math.tanh(z + half), e.high(), 1e-9);
        // t = 0.8 sqrt(3 / 0.36) = 2.3094 on 3 degrees of freedom: one-sided p = 0.05205
        assertEquals(0.05205, e.pValue(), 5e-5);
        assertEquals(Verdict.INCONCLUSIVE, e.verdict(), "p just above 0.05 with 5 seeds");
        assertEquals(Verdict.INCONCLUSIVE, t.evaluate(seeds.subList(0, 3)).verdict(), "3 seeds: no interval");
    }

    @Test
    void dispersionAgainstItsMinimum() {
        Given wide = given(0.1, 1.5, 0.3, 2.2, 0.05, 0.9, 1.8, 0.2, 0.6, 2.5);
        Evaluation e = new DispersionTest(wide.statistic(), 0.5).evaluate(wide.seeds());
        assertEquals(Verdict.REPRODUCED, e.verdict(), e.reason());
        assertTrue(e.low() > 0.5 && e.low() <= e.estimate() && e.estimate() <= e.high());
        Given narrow = given(1.0, 1.02, 0.98, 1.01, 0.99, 1.03, 0.97, 1.0, 1.01, 0.99);
        assertEquals(Verdict.NOT_REPRODUCED, new DispersionTest(narrow.statistic(), 0.5).evaluate(narrow.seeds()).verdict());
    }

    @Test
    void exactHoldsInEverySeedOrNot() {
        Given zeros = given(0, 0, 1e-12);
        assertEquals(Verdict.REPRODUCED, new ExactTest(zeros.statistic(), 1e-9).evaluate(zeros.seeds()).verdict());
        Given one = given(0, 0.01, 0);
        Evaluation e = new ExactTest(one.statistic(), 1e-9).evaluate(one.seeds());
        assertEquals(Verdict.NOT_REPRODUCED, e.verdict());
        assertEquals(0.01, e.estimate(), 1e-15);
    }
}
