package org.infolens.bmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.infolens.bmi.BmiTask.Sample;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.measure.Measure;
import org.junit.jupiter.api.Test;

/**
 * The Beyond-Normal samplers against their ground truth at small N: the closed forms against known
 * values (scipy's multivariate t entropies, Gaussian formulas), the samples against their covariance,
 * support and geometry, and the maps that should keep I(X;Y) against the copula KSG estimate, which
 * ranks make identical for monotone maps drawn with the same seed.
 */
class BmiTasksTest {

    private static final Measure COPULA_KSG = EstimatorCatalog.fromSpec("ksg:copula=normal");

    private static double ksgNats(Sample s) {
        int n = s.x().length;
        Probe probe = Probe.of(new int[n]).withInputs(Activations.ofRowsFloat64(s.y()));
        return COPULA_KSG.estimate(LayerId.of(0, s.x()[0].length), Activations.ofRowsFloat64(s.x()), probe).value("I") * Math.log(2);
    }

    @Test
    void fortyTasksWithDistinctNamesInThePublishedOrder() {
        List<BmiTask> all = BmiTasks.all();
        assertEquals(40, all.size());
        assertEquals(40, new HashSet<>(all.stream().map(BmiTask::name).toList()).size());
        assertEquals("binormal 1x1", all.get(0).name());
        assertEquals("asinh @ student 5x5 dof2", all.get(39).name());
        for (BmiTask t : all) {
            Sample s = t.sample(5, 1);
            assertEquals(5, s.x().length, t.name());
            assertEquals(t.dimY(), s.y()[0].length, t.name());
        }
        assertEquals(50, BmiTasks.named("mn dense 50x50").dimX());
        assertEquals(2, BmiTasks.named("swiss roll 2x1").dimX());
    }

    @Test
    void closedFormsMatchKnownValues() {
        assertEquals(-0.5 * Math.log(1 - 0.75 * 0.75), BmiTasks.named("binormal 1x1").truthNats(), 1e-12);
        assertEquals(0.1 - Math.log(0.2), BmiTasks.named("additive 0.1").truthNats(), 1e-12);
        assertEquals(1 / 3.0, BmiTasks.named("additive 0.75").truthNats(), 1e-12);
        for (int d : new int[] {2, 3, 5, 25}) { // two pairs correlated 0.8: -2 x 1/2 ln(1 - 0.64)
            assertEquals(-Math.log(0.36), BmiTasks.named("mn 2-pair " + d + "x" + d).truthNats(), 1e-9);
        }
        // scipy.stats.multivariate_t(shape=I, df=nu).entropy() for k = 1, 2, 4 (nu = 1) and 5, 10 (nu = 2, 3)
        assertEquals(2.53102425, BmiTasks.studentEntropy(1, 1), 1e-8);
        assertEquals(4.83787707, BmiTasks.studentEntropy(2, 1), 1e-8);
        assertEquals(9.24380851, BmiTasks.studentEntropy(4, 1), 1e-8);
        assertEquals(9.27502213, BmiTasks.studentEntropy(5, 2), 1e-8);
        assertEquals(16.85010539, BmiTasks.studentEntropy(10, 3), 1e-8);
        assertEquals(2 * 2.53102425 - 4.83787707, BmiTasks.named("student 1x1 dof1").truthNats(), 1e-8);
        // every map keeps the base's truth
        assertEquals(BmiTasks.named("mn 2-pair 5x5").truthNats(), BmiTasks.named("spiral @ normal-cdf @ mn 2-pair 5x5").truthNats(), 0);
        assertEquals(BmiTasks.named("binormal 1x1").truthNats(), BmiTasks.named("swiss roll 2x1").truthNats(), 0);
    }

    @Test
    void samplesHaveTheirCovarianceAndSupport() {
        Sample g = BmiTasks.named("mn 2-pair 5x5").sample(20_000, 3);
        assertEquals(0.8, correlation(g.x(), 0, g.y(), 0), 0.02);
        assertEquals(0.8, correlation(g.x(), 1, g.y(), 1), 0.02);
        assertEquals(0, correlation(g.x(), 2, g.y(), 2), 0.02);
        assertEquals(0, correlation(g.x(), 0, g.x(), 1), 0.02);
        Sample dense = BmiTasks.named("mn dense 3x3").sample(20_000, 4);
        assertEquals(0.5, correlation(dense.x(), 0, dense.y(), 2), 0.02);
        // Student-t, 5 degrees of freedom: covariance nu / (nu - 2) times the identity
        Sample t = BmiTasks.student(2, 2, 5).sample(50_000, 5);
        assertEquals(5 / 3.0, moment(t.x(), 0, t.x(), 0), 0.1);
        assertEquals(0, moment(t.x(), 0, t.y(), 0), 0.05);
        Sample add = BmiTasks.named("additive 0.1").sample(2000, 6);
        for (int i = 0; i < 2000; i++) {
            double x = add.x()[i][0];
            assertTrue(x >= 0 && x < 1 && Math.abs(add.y()[i][0] - x) <= 0.1, "row " + i);
        }
        Sample u = BmiTasks.named("normal-cdf @ binormal 1x1").sample(2000, 7);
        for (double[] row : u.x()) {
            assertTrue(row[0] > 0 && row[0] < 1);
        }
    }

    @Test
    void spiralAndSwissRollAreTheirPublishedGeometry() {
        BmiTask.RowMap spiral = BmiTasks.spiralMap(0, 1, 1.0 / 3);
        double[] x = {0.3, -1.2, 0.7};
        double[] y = spiral.apply(x);
        assertEquals(norm(x), norm(y), 1e-12); // a rotation
        assertEquals(x[2], y[2], 0); // outside the plane of rotation
        double theta = (0.09 + 1.44 + 0.49) / 3;
        assertEquals(Math.cos(theta) * 0.3 + Math.sin(theta) * 1.2, y[0], 1e-12);
        double[] roll = BmiTasks.swissRoll(new double[] {0.5});
        double t = 3 * Math.PI;
        assertEquals(t / 21, norm(roll), 1e-12);
    }

    /**
     * Monotone maps of each coordinate drawn with the same seed: the copula KSG estimate is the
     * base's, to the float rounding of ranks; the base's estimate is near the closed form.
     */
    /** asinh is odd and keeps its digits far out in the Cauchy tails: ln(2|x|) + 1 / (4 x^2) there. */
    @Test
    void inverseHyperbolicSineIsOddAndExactInTheTails() {
        for (double x : new double[] {1e5, 3e7, 1e8, 1e200}) {
            double expected = Math.log(2 * x) + 1 / (4 * x * x);
            assertEquals(expected, BmiTasks.inverseHyperbolicSine(x), 1e-15 * expected, "x = " + x);
            assertEquals(-expected, BmiTasks.inverseHyperbolicSine(-x), 1e-15 * expected, "x = -" + x);
        }
        assertEquals(0.881373587019543, BmiTasks.inverseHyperbolicSine(1), 1e-15);
        assertEquals(0, BmiTasks.inverseHyperbolicSine(0), 0);
    }

    @Test
    void monotoneMapsKeepTheEstimateAndItsTruth() {
        int n = 3000;
        double base = ksgNats(BmiTasks.named("binormal 1x1").sample(n, 11));
        assertEquals(BmiTasks.named("binormal 1x1").truthNats(), base, 0.05);
        for (String mapped : new String[] {"normal-cdf @ binormal 1x1", "bimodal 1x1", "wiggly @ binormal 1x1", "half-cube @ binormal 1x1"}) {
            assertEquals(base, ksgNats(BmiTasks.named(mapped).sample(n, 11)), 1e-9, mapped);
        }
        double twoPair = ksgNats(BmiTasks.named("mn 2-pair 3x3").sample(n, 12));
        assertEquals(twoPair, ksgNats(BmiTasks.named("half-cube @ mn 2-pair 3x3").sample(n, 12)), 1e-9);
        assertEquals(BmiTasks.named("mn 2-pair 3x3").truthNats(), twoPair, 0.12);
        double student = ksgNats(BmiTasks.named("student 2x2 dof1").sample(n, 13));
        assertEquals(student, ksgNats(BmiTasks.named("asinh @ student 2x2 dof1").sample(n, 13)), 1e-9);
        assertEquals(BmiTasks.named("student 2x2 dof1").truthNats(), student, 0.1);
    }

    private static double moment(double[][] a, int i, double[][] b, int j) {
        double s = 0;
        for (int r = 0; r < a.length; r++) {
            s += a[r][i] * b[r][j];
        }
        return s / a.length;
    }

    private static double correlation(double[][] a, int i, double[][] b, int j) {
        return moment(a, i, b, j) / Math.sqrt(moment(a, i, a, i) * moment(b, j, b, j));
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
