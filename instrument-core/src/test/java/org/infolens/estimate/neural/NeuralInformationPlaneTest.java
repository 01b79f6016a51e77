package org.infolens.estimate.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.estimate.TestData;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureSpec;
import org.infolens.measure.Quantity;
import org.infolens.trajectory.ValueNames;
import org.junit.jupiter.api.Test;

/** neural-plane: I(X;T) is its bound's I(T;Z) to the last bit; I(T;Y) against closed forms through the one-hot labels. */
class NeuralInformationPlaneTest {

    private static final double LN2 = Math.log(2);
    private static final int N = 1000;

    private static Measure plane(Map<String, Object> params) {
        return EstimatorCatalog.create(new MeasureSpec(NeuralInformationPlane.NAME, params));
    }

    /** A bivariate normal (rho 0.8) as T and X; labels = which of 4 quartiles of the first column T falls in: I(T;Y) = H(Y) = 2 bits. */
    private static Probe quartileProbe(TestData.Case c) {
        int[] y = new int[N];
        for (int r = 0; r < N; r++) {
            double t = c.t().get(r, 0);
            y[r] = t < -0.6745 ? 0 : t < 0 ? 1 : t < 0.6745 ? 2 : 3;
        }
        return Probe.of(y).withInputs(c.probe().inputs().orElseThrow());
    }

    @Test
    void iXtIsTheBoundsEstimateAndITyApproachesTheLabelEntropy() {
        TestData.Case c = TestData.gaussianPair(N, TestData.bivariate(0.8), 1, 31);
        Probe probe = quartileProbe(c);
        Map<String, Object> p = Map.of("maxEpochs", 30, "copula", "normal");
        Estimate e = plane(p).estimate(NeuralEstimatorContract.layer(1), c.t(), probe);
        Estimate alone = EstimatorCatalog.create(new MeasureSpec("infonce", p)).estimate(NeuralEstimatorContract.layer(1), c.t(), probe);
        assertEquals(alone.value("I"), e.value("I_XT"), 0.0);
        double labelBits = TestData.entropyBits(probe.labels());
        // Y is a function of T: I(T;Y) = H(Y) (2 bits, 1.39 nats, well under ln 128); a lower bound at this budget, within 0.3 bits
        assertTrue(e.value("I_TY") <= labelBits + 0.05 && e.value("I_TY") > labelBits - 0.3, e.value("I_TY") + " vs H(Y) " + labelBits);
        double truth = TestData.gaussianMutualInformationNats(TestData.bivariate(0.8), 1) / LN2;
        assertEquals(truth, e.value("I_XT"), 0.2);
        assertEquals(Math.log(150), (Double) e.details().get("ceilingNats"), 1e-12); // 300 held-out rows: 2 chunks of 150
        assertTrue(e.details().get("XT") instanceof Map<?, ?> && e.details().get("TY") instanceof Map<?, ?>, e.details().toString());
    }

    @Test
    void labelsIndependentOfTheLayerGiveNearZero() {
        TestData.Case c = TestData.gaussianPair(N, TestData.bivariate(0.8), 1, 32);
        Probe probe = Probe.of(TestData.uniformLabels(N, 10, 5)).withInputs(c.probe().inputs().orElseThrow());
        Estimate e = plane(Map.of("maxEpochs", 30)).estimate(NeuralEstimatorContract.layer(1), c.t(), probe);
        assertEquals(0, e.value("I_TY"), 0.05);
    }

    /** Each side keeps its own critic: the labels' one-hot columns never replace the inputs' critic, so both warm-start. */
    @Test
    void bothSidesWarmStartFromTheirOwnCritics() {
        TestData.Case c = TestData.gaussianPair(300, TestData.bivariate(0.7), 1, 33);
        Probe probe = Probe.of(TestData.uniformLabels(300, 3, 6)).withInputs(c.probe().inputs().orElseThrow());
        Measure m = plane(Map.of("maxEpochs", 3));
        m.estimate(NeuralEstimatorContract.layer(1), c.t(), probe);
        Estimate again = m.estimate(NeuralEstimatorContract.layer(1), c.t(), probe);
        assertEquals(true, ((Map<?, ?>) again.details().get("XT")).get("warmStarted"));
        assertEquals(true, ((Map<?, ?>) again.details().get("TY")).get("warmStarted"));
    }

    @Test
    void theValuesAreTheInformationPlanesAndTheLabelNamesTheBound() {
        assertEquals("I_XT", ValueNames.valueOf(NeuralInformationPlane.NAME, Quantity.I_XT).orElseThrow());
        assertEquals("I_TY", ValueNames.valueOf(NeuralInformationPlane.NAME, Quantity.I_TY).orElseThrow());
        assertEquals("neural-plane/nwj/sep64x1e16-b128-normal", plane(Map.of("bound", "nwj", "copula", "normal")).label());
    }

    @Test
    void aProbeWithoutLabelsIsAnErrorNamingTheLayer() {
        TestData.Case c = TestData.gaussianPair(100, TestData.bivariate(0.7), 1, 34);
        Probe unlabelled = Probe.unlabelled(100, null).withInputs(c.probe().inputs().orElseThrow());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plane(Map.of()).estimate(NeuralEstimatorContract.layer(1), c.t(), unlabelled));
        assertTrue(e.getMessage().contains("neural-layer") && e.getMessage().contains("labels"), e.getMessage());
    }

    @Test
    void oneHotHasAOneInTheLabelsColumn() {
        Activations a = NeuralInformationPlane.oneHot(new int[] {2, 0, 1}, 3);
        assertEquals(3, a.columns());
        assertEquals(1.0, a.get(0, 2));
        assertEquals(0.0, a.get(0, 0));
        assertEquals(1.0, a.get(1, 0));
        assertEquals(1.0, a.get(2, 1));
    }
}
