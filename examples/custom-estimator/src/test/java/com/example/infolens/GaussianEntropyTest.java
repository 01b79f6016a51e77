package com.example.infolens;

import java.util.List;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.estimate.EstimatorContract;
import org.infolens.estimate.TestData;
import org.infolens.measure.Measure;

// README:begin
/** infolens' estimator kit: replay, determinism, finite values, clear errors, and the closed forms below. */
class GaussianEntropyTest extends EstimatorContract {

    @Override
    protected Measure measure() {
        return EstimatorCatalog.fromSpec("gaussian-entropy"); // found through META-INF/services
    }

    @Override
    protected TestData.Case ordinaryData() {
        return TestData.gaussianPair(500, TestData.equicorrelated(3, 0.5), 2, 1);
    }

    /** On Gaussian samples the estimate is the entropy of the covariance they were drawn with. */
    @Override
    protected List<ClosedForm> closedForms() {
        double[][] cov = TestData.equicorrelated(3, 0.6);
        double[][] first2 = {{1, 0.6}, {0.6, 1}};
        return List.of(new ClosedForm("correlated Gaussian pair", () -> TestData.gaussianPair(20_000, cov, 2, 7), "H_T",
                TestData.gaussianEntropyNats(first2) / LN2, 0.02));
    }

    @Override
    protected TestData.Case tooSmall() {
        return TestData.gaussianPair(1, TestData.equicorrelated(2, 0), 1, 1);
    }
}
// README:end
