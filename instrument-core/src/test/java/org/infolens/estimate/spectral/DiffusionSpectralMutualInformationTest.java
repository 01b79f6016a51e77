package org.infolens.estimate.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.infolens.data.Probe;
import org.infolens.estimate.EstimatorContract;
import org.infolens.estimate.TestData;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.junit.jupiter.api.Test;

class DiffusionSpectralMutualInformationTest extends EstimatorContract {

    @Override
    protected Measure measure() {
        return DiffusionSpectralMutualInformation.builder().sigma(Bandwidth.fixed(2)).build();
    }

    @Override
    protected TestData.Case ordinaryData() {
        return SpectralTestData.clusters(3, 60, 5, 1, 1);
    }

    @Override
    protected TestData.Case tooSmall() {
        return SpectralTestData.gaussian(1, 5, 1, 1, 2);
    }

    /**
     * Labels that are k separated tight clusters: H_c = 0, and a random set of n_c of the N rows meets
     * all k clusters (at n_c = 50 of 200, all but certainly); whatever the block sizes, K is then
     * block-diagonal with k blocks J / m_j of eigenvalue 1, so its DSE is log2 k: DSMI = log2 4 = 2.
     * Labels drawn independently of Z: about 0 (each class is a random subset itself; 5 seeds).
     */
    @Override
    protected List<ClosedForm> closedForms() {
        return List.of(
                new ClosedForm("labels = 4 separated clusters", seed -> SpectralTestData.clusters(4, 50, 6, 1e-3, seed), "DSMI_TY",
                        2, 1e-3, 1),
                new ClosedForm("labels independent of Z", seed -> SpectralTestData.gaussian(400, 4, 1, 4, seed), "DSMI_TY", 0, 0.05, 5));
    }

    @Test
    void inputClustersRecoverSeparatedGroups() {
        TestData.Case c = SpectralTestData.clusters(4, 50, 6, 1e-3, 9);
        Probe withInputs = c.probe().withInputs(c.t());
        Measure both = DiffusionSpectralMutualInformation.builder().sigma(Bandwidth.fixed(2))
                .against(DiffusionSpectralMutualInformation.Against.BOTH).build();
        Estimate e = estimate(both, new TestData.Case(c.t(), withInputs));
        assertEquals(e.value("DSMI_TY"), e.value("DSMI_XT"), 1e-12, "the clusters of X are the classes here");
        assertEquals(List.of(50, 50, 50, 50), java.util.Arrays.stream((int[]) e.details().get("inputClusterSizes")).boxed().toList());
    }

    @Test
    void inputClustersAreMadeOncePerProbe() {
        TestData.Case c = SpectralTestData.clusters(3, 40, 4, 0.5, 10);
        Probe withInputs = c.probe().withInputs(c.t());
        Measure m = DiffusionSpectralMutualInformation.builder().sigma(Bandwidth.fixed(2))
                .against(DiffusionSpectralMutualInformation.Against.INPUTS).build();
        Estimate first = m.estimate(org.infolens.data.LayerId.of(0, 4), c.t(), withInputs);
        Estimate again = m.estimate(org.infolens.data.LayerId.of(1, 4), c.t(), withInputs);
        assertEquals(first.values(), again.values());
    }

    @Test
    void missingLabelsOrInputsAreClearErrors() {
        TestData.Case c = ordinaryData();
        TestData.Case unlabelled = new TestData.Case(c.t(), Probe.unlabelled(c.t().rows(), null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> estimate(measure(), unlabelled)).getMessage().contains("labels"));
        Measure inputs = DiffusionSpectralMutualInformation.builder().against(DiffusionSpectralMutualInformation.Against.INPUTS).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> estimate(inputs, c)).getMessage().contains("inputs"));
        assertThrows(IllegalArgumentException.class, () -> DiffusionSpectralMutualInformation.builder().repetitions(0).build());
        assertThrows(IllegalArgumentException.class, () -> DiffusionSpectralMutualInformation.builder().clusters(3).build());
    }
}
