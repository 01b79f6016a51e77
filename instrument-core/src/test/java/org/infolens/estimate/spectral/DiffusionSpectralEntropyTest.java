package org.infolens.estimate.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.infolens.estimate.EstimatorContract;
import org.infolens.estimate.TestData;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class DiffusionSpectralEntropyTest extends EstimatorContract {

    @Override
    protected Measure measure() {
        return DiffusionSpectralEntropy.builder().sigma(Bandwidth.fixed(2)).build();
    }

    @Override
    protected TestData.Case ordinaryData() {
        return SpectralTestData.gaussian(300, 5, 1, 3, 1);
    }

    @Override
    protected TestData.Case tooSmall() {
        return SpectralTestData.gaussian(1, 5, 1, 1, 2);
    }

    /**
     * sigma -> 0: K = I, a uniform spectrum, log2 N. Identical rows: K = J / N, one eigenvalue 1, DSE = 0
     * up to the 2.22e-16 floor. k separated tight clusters: K is block-diagonal with k blocks of rank
     * one, log2 k.
     */
    @Override
    protected List<ClosedForm> closedForms() {
        return List.of(
                new ClosedForm("200 isolated rows give log2 200", () -> SpectralTestData.clusters(200, 1, 6, 0, 3), "DSE",
                        Math.log(200) / LN2, 1e-9),
                new ClosedForm("identical rows give 0", () -> SpectralTestData.clusters(1, 200, 4, 0, 5), "DSE", 0, 1e-9),
                new ClosedForm("4 separated clusters give log2 4", () -> SpectralTestData.clusters(4, 50, 6, 1e-3, 4), "DSE", 2, 1e-3));
    }

    @Test
    void sigmaTowardsZeroGivesLog2N() {
        Measure tiny = DiffusionSpectralEntropy.builder().sigma(Bandwidth.fixed(1e-3)).build();
        assertEquals(Math.log(200) / LN2, estimate(tiny, SpectralTestData.gaussian(200, 3, 1, 1, 3)).value("DSE"), 1e-9);
    }

    @Test
    void identicalRowsGiveAboutZero() {
        TestData.Case same = SpectralTestData.clusters(1, 200, 4, 0, 5);
        double dse = estimate(measure(), same).value("DSE");
        assertEquals(0, dse, 1e-9);
        assertTrue(dse >= 0);
    }

    /** The LAPACK route against an independent eigensolver (cyclic Jacobi) of the same operator. */
    @Test
    void lapackSpectrumMatchesJacobi() {
        TestData.Case c = SpectralTestData.gaussian(80, 4, 1.5, 1, 6);
        double[] z = DiffusionSettings.rowsAsDoubles(c.t(), java.util.stream.IntStream.range(0, 80).toArray());
        double[] flat = DiffusionKernel.of(z, 80, 4, Bandwidth.fixed(2), DataType.DOUBLE).matrix().data().asDouble();
        double[][] k = new double[80][80];
        for (int i = 0; i < 80; i++) {
            k[i] = Arrays.copyOfRange(flat, i * 80, (i + 1) * 80);
        }
        for (double t : new double[] {1, 2.5}) {
            double jacobi = ExactSpectrum.entropyBits(JacobiEigen.of(k).values(), t);
            Measure m = DiffusionSpectralEntropy.builder().sigma(Bandwidth.fixed(2)).t(t).build();
            assertEquals(jacobi, estimate(m, c).value("DSE"), 1e-10, "t = " + t);
        }
    }

    @Test
    void largerTConcentratesTheSpectrum() {
        TestData.Case c = ordinaryData();
        double previous = Double.POSITIVE_INFINITY;
        for (double t : new double[] {1, 2, 4, 8}) {
            double dse = estimate(DiffusionSpectralEntropy.builder().sigma(Bandwidth.fixed(2)).t(t).build(), c).value("DSE");
            assertTrue(dse < previous, "t = " + t + ": " + dse);
            previous = dse;
        }
    }

    @Test
    void medianWidthMakesDseScaleFree() {
        TestData.Case c = ordinaryData();
        float[] scaled = new float[c.t().size()];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = (float) (c.t().getFlat(i) * 8);
        }
        Measure median = DiffusionSpectralEntropy.builder().sigma(Bandwidth.medianDistance()).build();
        Estimate a = estimate(median, c);
        Estimate b = estimate(median, new TestData.Case(Activations.wrap(scaled, c.t().rows(), c.t().columns()), c.probe()));
        assertEquals(a.value("DSE"), b.value("DSE"), 1e-9);
        assertEquals(8 * (double) a.layerParameters().get("sigmaUsed"), (double) b.layerParameters().get("sigmaUsed"), 1e-9);
    }

    @Test
    void medianDistanceIsTheMedianOfAllPairs() {
        for (int n : new int[] {5, 6, 40}) { // odd and even pair counts
            TestData.Case c = SpectralTestData.gaussian(n, 3, 1, 1, n);
            double[] all = new double[n * (n - 1) / 2];
            int k = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double s = 0;
                    for (int d = 0; d < 3; d++) {
                        double diff = c.t().get(i, d) - c.t().get(j, d);
                        s += diff * diff;
                    }
                    all[k++] = Math.sqrt(s);
                }
            }
            Arrays.sort(all);
            double expected = (all[(all.length - 1) / 2] + all[all.length / 2]) / 2;
            double[] z = DiffusionSettings.rowsAsDoubles(c.t(), java.util.stream.IntStream.range(0, n).toArray());
            // 1e-7: the kernel's squared distances come from |a|^2 + |b|^2 - 2 a.b, as the reference computes them
            assertEquals(expected, DiffusionKernel.resolve(z, n, 3, Bandwidth.medianDistance()).fixed(), 1e-7 * expected, "n = " + n);
        }
    }

    /** Stochastic Lanczos quadrature against the exact spectrum: within 0.05 bits and 5 of its own standard errors. */
    @Test
    void lanczosQuadratureIsCloseToExact() {
        for (TestData.Case c : List.of(SpectralTestData.gaussian(1200, 20, 1, 1, 7), clustersWithNoise())) {
            for (Bandwidth sigma : List.of(Bandwidth.fixed(3), Bandwidth.medianDistance())) {
                double exact = estimate(DiffusionSpectralEntropy.builder().sigma(sigma).build(), c).value("DSE");
                Estimate slq = estimate(DiffusionSpectralEntropy.builder().sigma(sigma).method(LanczosQuadrature.defaults()).build(), c);
                double se = (double) slq.details().get("standardErrorBits");
                assertEquals(exact, slq.value("DSE"), Math.min(0.05, Math.max(5 * se, 1e-3)), "sigma " + sigma + ", se " + se);
            }
        }
    }

    /** auto, the default: the exact value up to exactMaxN rows, slq's (with its standard error) above; methodRun says which. */
    @Test
    void autoIsExactUpToExactMaxNAndSlqAbove() {
        TestData.Case c = SpectralTestData.gaussian(300, 8, 1, 1, 9);
        LanczosQuadrature small = new LanczosQuadrature(16, 8, 20); // its own exact fallback ends at 208 rows
        Estimate exact = estimate(DiffusionSpectralEntropy.builder().sigma(Bandwidth.fixed(2)).method(new ExactSpectrum()).build(), c);
        Estimate slq = estimate(DiffusionSpectralEntropy.builder().sigma(Bandwidth.fixed(2)).method(small).build(), c);
        Estimate autoExact = estimate(DiffusionSpectralEntropy.builder().sigma(Bandwidth.fixed(2)).method(new AutoSpectrum(300, small)).build(), c);
        Estimate autoSlq = estimate(DiffusionSpectralEntropy.builder().sigma(Bandwidth.fixed(2)).method(new AutoSpectrum(299, small)).build(), c);
        assertEquals(exact.value("DSE"), autoExact.value("DSE"), 0.0);
        assertEquals("exact", autoExact.details().get("methodRun"));
        assertEquals(slq.value("DSE"), autoSlq.value("DSE"), 0.0);
        assertEquals("slq", autoSlq.details().get("methodRun"));
        assertTrue(autoSlq.details().containsKey("standardErrorBits"));
        assertTrue(Math.abs(exact.value("DSE") - slq.value("DSE")) > 0, "the two methods differ here, so the test tells them apart");
        Measure byDefault = DiffusionSpectralEntropy.builder().build();
        assertEquals("auto", byDefault.parameters().get("method").toString().toLowerCase(java.util.Locale.ROOT));
        assertEquals(5000, byDefault.parameters().get("exactMaxN"));
    }

    private static TestData.Case clustersWithNoise() {
        return SpectralTestData.clusters(6, 200, 10, 2, 8);
    }

    @Test
    void rowsAboveMaxNAreSubsampledAndRecorded() {
        Measure m = DiffusionSpectralEntropy.builder().sigma(Bandwidth.fixed(2)).maxN(100).seed(3).build();
        Estimate e = estimate(m, ordinaryData());
        assertEquals(100, e.layerParameters().get("rowsUsed"));
        assertEquals(e.values(), estimate(m, ordinaryData()).values());
    }

    @Test
    void badSettingsAndConstantLayersAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> Bandwidth.fixed(0));
        assertThrows(IllegalArgumentException.class, () -> Bandwidth.parse("-1"));
        assertThrows(IllegalArgumentException.class, () -> Bandwidth.parse("wide"));
        assertThrows(IllegalArgumentException.class, () -> DiffusionSpectralEntropy.builder().t(0).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> estimate(
                DiffusionSpectralEntropy.builder().sigma(Bandwidth.medianDistance()).build(), SpectralTestData.clusters(1, 50, 3, 0, 1)));
        assertTrue(e.getMessage().contains("median distance"), e.getMessage());
    }

    @Test
    void probesDoNotNeedLabels() {
        TestData.Case c = ordinaryData();
        assertTrue(estimate(measure(), new TestData.Case(c.t(), Probe.unlabelled(c.t().rows(), null))).value("DSE") > 0);
    }
}
