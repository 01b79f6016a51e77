package org.infolens.estimate;

import java.util.Random;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.infolens.numeric.GaussianReference;

/** Seeded data with known information quantities, for the estimator tests. */
public final class TestData {

    private TestData() {
    }

    /** A layer T and a probe (labels, optional inputs Z) to estimate on. */
    public record Case(Activations t, Probe probe) {
    }

    /** n draws of a zero-mean Gaussian vector with covariance {@code cov} (rows of the result). */
    public static double[][] gaussian(int n, double[][] cov, long seed) {
        return GaussianReference.sample(n, cov, seed);
    }

    /** T = the first dT coordinates, Z = the rest, of a Gaussian with covariance cov; labels all 0. */
    public static Case gaussianPair(int n, double[][] cov, int dT, long seed) {
        double[][] g = gaussian(n, cov, seed);
        Activations t = Activations.ofRows(GaussianReference.columns(g, 0, dT));
        Activations z = Activations.ofRows(GaussianReference.columns(g, dT, cov.length));
        return new Case(t, Probe.of(new int[n]).withInputs(z));
    }

    public static double gaussianMutualInformationNats(double[][] cov, int dT) {
        return GaussianReference.mutualInformationNats(cov, dT);
    }

    public static double gaussianEntropyNats(double[][] cov) {
        return GaussianReference.entropyNats(cov);
    }

    public static double[][] equicorrelated(int d, double r) {
        return GaussianReference.equicorrelated(d, r);
    }

    public static double[][] bivariate(double rho) {
        return GaussianReference.bivariate(rho);
    }

    public static int[] uniformLabels(int n, int classes, long seed) {
        Random rnd = new Random(seed);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextInt(classes);
        }
        return y;
    }

    public static double entropyBits(int[] y) {
        java.util.Map<Integer, Integer> c = new java.util.HashMap<>();
        for (int v : y) {
            c.merge(v, 1, Integer::sum);
        }
        double h = 0;
        for (int k : c.values()) {
            double p = (double) k / y.length;
            h -= p * Math.log(p);
        }
        return h / Math.log(2);
    }
}
