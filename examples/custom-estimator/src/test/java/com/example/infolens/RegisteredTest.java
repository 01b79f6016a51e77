package com.example.infolens;

import java.util.List;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.estimate.RegisteredEstimatorsContract;
import org.infolens.measure.MeasureProvider;

/** The kit's generic checks on the estimators this jar registers (infolens checks its own). */
class RegisteredTest extends RegisteredEstimatorsContract {

    @Override
    protected List<MeasureProvider> providers() {
        return EstimatorCatalog.all().stream().filter(p -> p instanceof GaussianEntropy.Provider).toList();
    }
}
