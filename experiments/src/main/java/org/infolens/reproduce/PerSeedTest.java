package org.infolens.reproduce;

import java.util.ArrayList;
import java.util.List;

/** A test of one number per seed ({@link ShiftTest}, {@link DispersionTest}, {@link ExactTest}): the numbers, then the verdict. */
public interface PerSeedTest extends ClaimTest {

    /** What each seed gives. */
    SeedStatistic statistic();

    /** The verdict on each seed's number ({@code values}, in seed order; {@code finite}: those that are numbers). */
    Evaluation judge(List<Evaluation.SeedValue> values, double[] finite);

    @Override
    default String describeStatistic() {
        return statistic().description();
    }

    @Override
    default Evaluation evaluate(List<SeedRuns> seeds) {
        List<Evaluation.SeedValue> values = new ArrayList<>();
        for (SeedRuns s : seeds) {
            values.add(new Evaluation.SeedValue(s.seed(), statistic().of(s), Double.NaN));
        }
        return judge(values, ClaimTest.finite(values));
    }
}
