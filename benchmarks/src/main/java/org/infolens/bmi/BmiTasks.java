package org.infolens.bmi;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.infolens.bmi.BmiTask.RowMap;
import org.infolens.bmi.BmiTask.Sample;
import org.infolens.numeric.GaussianReference;
import org.infolens.numeric.SpecialFunctions;

/**
 * The 40 tasks of the Beyond-Normal benchmark (Czyz, Grabowski, Vogt, Beerenwinkel and Marx 2023,
 * "Beyond Normal: On the Evaluation of Mutual Information Estimators"), in the order of their task
 * list, written from the published definitions:
 * <ul>
 *   <li>base distributions: the bivariate normal (rho = 0.75); X ~ U(0, 1), Y = X + U(-eps, eps)
 *       (I = eps - ln 2 eps for eps <= 1/2, 1 / (4 eps) above); split multinormals, dense (every
 *       correlation 0.5) or "2-pair" (X_1-Y_1 and X_2-Y_2 correlated 0.8, nothing else: the
 *       latent-variable model with lambda = eta = 2, epsilon = 1); split Student-t with identity
 *       dispersion, whose I is the Gaussian I of the dispersion (0 here) plus h(X) + h(Y) - h(X,Y) of
 *       the standard multivariate t (Arellano-Valle, Contreras-Reyes and Genton 2013, Eq. 7);</li>
 *   <li>maps of X and Y that are smooth and injective, so I is that of the base: the normal CDF,
 *       the half-cube x |x|^(1/2), asinh, the "wiggly" maps, the bimodal inverse CDFs, the Swiss roll
 *       (1 to 2 dimensions) and the spiral x -> exp(A |x|^2 / d) x with A the generator of rotations
 *       in the plane of coordinates (1, 2) of X and (2, 3) of Y.</li>
 * </ul>
 */
public final class BmiTasks {

    static final double GAUSSIAN_CORRELATION = 0.75;

    private BmiTasks() {
    }

    /** All 40, in the published order. */
    public static List<BmiTask> all() {
        List<BmiTask> tasks = new ArrayList<>();
        BmiTask binormal = multinormal("binormal 1x1", bivariate(GAUSSIAN_CORRELATION), 1);
        BmiTask uniform = normalCdf(binormal);
        BmiTask bistudent = student(1, 1, 1);
        tasks.add(binormal);
        tasks.add(uniform);
        tasks.add(additiveNoise(0.1));
        tasks.add(additiveNoise(0.75));
        tasks.add(bimodal(uniform));
        tasks.add(binormal.transformed("wiggly", RowMap.each(BmiTasks::wigglyX), RowMap.each(BmiTasks::wigglyY), 0, 0));
        tasks.add(halfCube(binormal));
        tasks.add(bistudent);
        tasks.add(asinh(bistudent));
        BmiTask roll = uniform.transformed("swiss-roll", BmiTasks::swissRoll, row -> row, 1, 0);
        tasks.add(new BmiTask("swiss roll 2x1", roll.dimX(), roll.dimY(), roll.truthNats(), roll.sampler()));
        for (int d : new int[] {2, 3, 5, 25, 50}) {
            tasks.add(dense(d));
        }
        for (int d : new int[] {2, 3, 5, 25}) {
            tasks.add(twoPair(d));
        }
        int[][] students = {{2, 1}, {2, 2}, {3, 2}, {3, 3}, {5, 2}, {5, 3}};
        for (int[] s : students) {
            tasks.add(student(s[0], s[0], s[1]));
        }
        for (int d : new int[] {3, 5, 25}) {
            tasks.add(normalCdf(twoPair(d)));
        }
        for (int d : new int[] {3, 5, 25}) {
            tasks.add(halfCube(twoPair(d)));
        }
        for (int d : new int[] {3, 5, 25}) {
            tasks.add(spiral(twoPair(d)));
        }
        for (int d : new int[] {3, 5, 25}) {
            tasks.add(spiral(normalCdf(twoPair(d))));
        }
        tasks.add(asinh(student(2, 2, 1)));
        tasks.add(asinh(student(3, 3, 2)));
        tasks.add(asinh(student(5, 5, 2)));
        return List.copyOf(tasks);
    }

    /** The task of that name, or an error listing the names. */
    public static BmiTask named(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no Beyond-Normal task named '" + name + "'; tasks: " + all().stream().map(BmiTask::name).toList()));
    }

    // ---- base distributions ----

    static double[][] bivariate(double rho) {
        return new double[][] {{1, rho}, {rho, 1}};
    }

    /** X = the first dimX columns of a zero-mean Gaussian with covariance cov, Y the rest. */
    static BmiTask multinormal(String name, double[][] cov, int dimX) {
        int dimY = cov.length - dimX;
        return new BmiTask(name, dimX, dimY, GaussianReference.mutualInformationNats(cov, dimX), (n, seed) -> split(
                GaussianReference.sample(n, cov, seed), dimX));
    }

    /** Every correlation 0.5, within and across X and Y. */
    static BmiTask dense(int d) {
        return multinormal("mn dense " + d + "x" + d, GaussianReference.equicorrelated(2 * d, 0.5), d);
    }

    /** X_1-Y_1 and X_2-Y_2 correlated 0.8 (lambda^2 / (lambda^2 + epsilon^2) = 4 / 5), every other pair independent. */
    static BmiTask twoPair(int d) {
        return multinormal("mn 2-pair " + d + "x" + d, twoPairCorrelation(d, d), d);
    }

    static double[][] twoPairCorrelation(int dimX, int dimY) {
        int total = dimX + dimY;
        double[][] c = new double[total][total];
        for (int i = 0; i < total; i++) {
            c[i][i] = 1;
        }
        for (int i = 0; i < 2; i++) {
            c[i][dimX + i] = 0.8;
            c[dimX + i][i] = 0.8;
        }
        return c;
    }

    /** X ~ U(0, 1), Y = X + N with N ~ U(-eps, eps). */
    static BmiTask additiveNoise(double eps) {
        double truth = eps > 0.5 ? 0.25 / eps : eps - Math.log(2 * eps);
        return new BmiTask("additive " + eps, 1, 1, truth, (n, seed) -> {
            Random rnd = new Random(seed);
            double[][] x = new double[n][1];
            double[][] y = new double[n][1];
            for (int i = 0; i < n; i++) {
                x[i][0] = rnd.nextDouble();
                y[i][0] = x[i][0] + eps * (2 * rnd.nextDouble() - 1);
            }
            return new Sample(x, y);
        });
    }

    /**
     * Multivariate Student-t with identity dispersion and {@code df} degrees of freedom: a standard
     * Gaussian vector divided by sqrt(chi2_df / df), one chi-square draw per row for X and Y together.
     * X and Y are uncorrelated yet dependent through the shared scale.
     */
    static BmiTask student(int dimX, int dimY, int df) {
        int total = dimX + dimY;
        double truth = studentEntropy(dimX, df) + studentEntropy(dimY, df) - studentEntropy(total, df);
        double[][] identity = GaussianReference.equicorrelated(total, 0);
        return new BmiTask("student " + dimX + "x" + dimY + " dof" + df, dimX, dimY, truth, (n, seed) -> {
            double[][] g = GaussianReference.sample(n, identity, seed);
            Random chi = new Random(seed ^ 0x5DEECE66DL);
            for (double[] row : g) {
                double s = 0;
                for (int k = 0; k < df; k++) {
                    double z = chi.nextGaussian();
                    s += z * z;
                }
                double scale = Math.sqrt(df / s);
                for (int j = 0; j < total; j++) {
                    row[j] *= scale;
                }
            }
            return split(g, dimX);
        });
    }

    /**
     * Differential entropy (nats) of the standard k-dimensional Student-t with identity dispersion:
     * ln Gamma(nu/2) - ln Gamma((nu+k)/2) + k/2 ln(nu pi) + (nu+k)/2 (psi((nu+k)/2) - psi(nu/2)).
     */
    static double studentEntropy(int k, int nu) {
        double half = 0.5 * (nu + k);
        return SpecialFunctions.lnGamma(0.5 * nu) - SpecialFunctions.lnGamma(half) + 0.5 * k * Math.log(nu * Math.PI)
                + half * (SpecialFunctions.digamma(half) - SpecialFunctions.digamma(0.5 * nu));
    }

    // ---- maps that keep I(X;Y) ----

    static BmiTask normalCdf(BmiTask base) {
        return base.transformed("normal-cdf", RowMap.each(SpecialFunctions::normalCdf), RowMap.each(SpecialFunctions::normalCdf), 0, 0);
    }

    static BmiTask halfCube(BmiTask base) {
        DoubleUnaryOperator f = x -> x * Math.sqrt(Math.abs(x));
        return base.transformed("half-cube", RowMap.each(f), RowMap.each(f), 0, 0);
    }

    static BmiTask asinh(BmiTask base) {
        return base.transformed("asinh", RowMap.each(BmiTasks::inverseHyperbolicSine), RowMap.each(BmiTasks::inverseHyperbolicSine), 0, 0);
    }

    /**
     * asinh, odd by construction: ln(x + sqrt(x^2 + 1)) cancels for large negative x (the Cauchy coordinates of
     * the dof-1 tasks), losing digits below -1e5 and reaching ln 0 below about -1e8.
     */
    static double inverseHyperbolicSine(double x) {
        return Math.copySign(Math.log(Math.abs(x) + Math.hypot(x, 1)), x);
    }

    static double wigglyX(double x) {
        return x + 0.4 * Math.sin(x) + 0.2 * Math.sin(1.7 * x + 1) + 0.03 * Math.sin(3.3 * x - 2.5);
    }

    static double wigglyY(double x) {
        return x - 0.4 * Math.sin(0.4 * x) + 0.17 * Math.sin(1.3 * x + 3.5) + 0.02 * Math.sin(4.3 * x - 2.5);
    }

    /**
     * Uniform margins mapped through the inverse CDFs of two Gaussian mixtures, X: 0.3 N(0, 1) + 0.7
     * N(5, 1), Y: 0.5 N(-1, 1) + 0.5 N(3, 1), by bisection on [-10, 10].
     */
    static BmiTask bimodal(BmiTask uniform) {
        DoubleUnaryOperator cdfX = x -> 0.3 * SpecialFunctions.normalCdf(x) + 0.7 * SpecialFunctions.normalCdf(x - 5);
        DoubleUnaryOperator cdfY = x -> 0.5 * SpecialFunctions.normalCdf(x + 1) + 0.5 * SpecialFunctions.normalCdf(x - 3);
        BmiTask t = uniform.transformed("bimodal", RowMap.each(u -> inverse(cdfX, u)), RowMap.each(u -> inverse(cdfY, u)), 0, 0);
        return new BmiTask("bimodal 1x1", 1, 1, t.truthNats(), t.sampler());
    }

    static double inverse(DoubleUnaryOperator increasing, double y) {
        double lo = -10;
        double hi = 10;
        while (hi - lo > 1e-12) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (increasing.applyAsDouble(mid) < y) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** u in [0, 1] to the Swiss roll: t = 1.5 pi (1 + 2u), (t cos t, t sin t) / 21. */
    static double[] swissRoll(double[] row) {
        double t = 1.5 * Math.PI * (1 + 2 * row[0]);
        return new double[] {t * Math.cos(t) / 21, t * Math.sin(t) / 21};
    }

    /**
     * The spiral: x -> R(|x|^2 / d) x, R(theta) the rotation by theta in the plane of coordinates
     * (i, j) = (0, 1) of X and (1, 2) of Y (exp of the so(d) generator A[i][j] = -1, A[j][i] = 1),
     * speed 1 / d as published.
     */
    static BmiTask spiral(BmiTask base) {
        if (base.dimX() < 2 || base.dimY() < 3) {
            throw new IllegalArgumentException("the spiral needs dim X >= 2 and dim Y >= 3, task " + base.name() + " has "
                    + base.dimX() + " x " + base.dimY());
        }
        return base.transformed("spiral", spiralMap(0, 1, 1.0 / base.dimX()), spiralMap(1, 2, 1.0 / base.dimY()), 0, 0);
    }

    static RowMap spiralMap(int i, int j, double speed) {
        return row -> {
            double r2 = 0;
            for (double v : row) {
                r2 += v * v;
            }
            double theta = speed * r2;
            double c = Math.cos(theta);
            double s = Math.sin(theta);
            double[] out = row.clone();
            out[i] = c * row[i] - s * row[j];
            out[j] = s * row[i] + c * row[j];
            return out;
        };
    }

    static Sample split(double[][] rows, int dimX) {
        int dimY = rows[0].length - dimX;
        return new Sample(GaussianReference.columns(rows, 0, dimX), GaussianReference.columns(rows, dimX, dimX + dimY));
    }
}
