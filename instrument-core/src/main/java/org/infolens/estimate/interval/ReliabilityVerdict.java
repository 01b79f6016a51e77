package org.infolens.estimate.interval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict on one value from its estimates on gamma = 1, 2, 3, ... disjoint subsets of N / gamma
 * rows (Abdelaleem, Martini and Nemenman 2025, after Holmes and Nemenman 2019): the mean over the
 * subsets of each size is fitted against gamma by weighted least squares (weights 1 / the variance of
 * that mean); while the quadratic term is not small beside the linear one over the range fitted
 * (|a2 / a1| >= ratio with gamma in units of the largest gamma kept, i.e. |a2| gammaMax >= ratio |a1|),
 * the largest gamma is dropped; with at least {@code minPoints} sizes left, the linear fit's intercept
 * at gamma -> 0 (infinite N) is the extrapolated value, with its t interval. Otherwise the value is
 * unreliable, and the reason says which condition failed.
 *
 * @param reliable     whether the extrapolation is to be trusted
 * @param reason       why not (null when reliable)
 * @param gammas       the subset counts kept in the fit
 * @param a1           linear coefficient of the last quadratic fit (NaN when none was possible)
 * @param a2           its quadratic coefficient
 * @param extrapolated the intercept of the linear fit (NaN when unreliable for lack of points)
 * @param low          lower end of its interval
 * @param high         upper end
 */
public record ReliabilityVerdict(boolean reliable, String reason, List<Integer> gammas, double a1, double a2, double extrapolated,
                                 double low, double high, List<Point> points) {

    /**
     * One subset size's estimates: their mean over the gamma subsets and the standard error of that
     * mean (NaN for gamma = 1, a single estimate), before any weighting; what a plot of the
     * extrapolation draws.
     */
    public record Point(int gamma, double mean, double standardError) {
    }

    /**
     * @param estimates for each gamma (key) the estimates on its gamma disjoint subsets; gammas whose
     *                  subsets could not all be estimated are left out by the caller
     */
    static ReliabilityVerdict of(Map<Integer, double[]> estimates, VerdictSettings s) {
        List<Integer> gammas = new ArrayList<>(new java.util.TreeSet<>(estimates.keySet()));
        List<Point> points = points(estimates, gammas);
        if (gammas.size() < s.minPoints()) {
            return unreliable("too few rows: estimates on only " + gammas.size() + " subset sizes (gamma " + range(gammas)
                    + ", subsets of at least N / " + (gammas.isEmpty() ? 1 : gammas.get(gammas.size() - 1)) + " rows), "
                    + s.minPoints() + " needed", gammas, Double.NaN, Double.NaN, points);
        }
        double[] mean = new double[gammas.size()];
        double[] variance = new double[gammas.size()];
        weights(estimates, gammas, mean, variance);
        List<Integer> kept = new ArrayList<>(gammas);
        double a1 = Double.NaN;
        double a2 = Double.NaN;
        while (kept.size() >= 3) {
            Fit q = Fit.of(x(kept), take(mean, gammas, kept), take(variance, gammas, kept), 2);
            Fit line = Fit.of(x(kept), take(mean, gammas, kept), take(variance, gammas, kept), 1);
            a1 = q.coefficients[1];
            a2 = q.coefficients[2];
            // The ratio is taken over the range fitted (gamma in units of the largest kept), where it is
            // the quadratic term's share of the linear one at the far end: a2 / a1 alone has units of
            // 1 / gamma, and in gamma units no bias of the form N^-alpha (KSG's in d dimensions, alpha
            // about 2/d) ever reaches 0.1 over gamma 1..10, while its linear extrapolation leaves most
            // of the bias in place.
            // Also linear when the estimate does not move with N: neither the line's slope nor the
            // curvature is distinguishable from noise (a1 ~ 0 would otherwise never pass the ratio).
            // The slope is the line's: the quadratic's a1 is too uncertain (gamma and gamma^2 are nearly
            // collinear) to tell a flat estimate from a bent one.
            boolean noCurvature = Math.abs(a2) * kept.get(kept.size() - 1) < s.ratio() * Math.abs(a1)
                    || (Math.abs(line.coefficients[1]) <= 2 * line.standardError(1) && Math.abs(a2) <= 2 * q.standardError(2));
            if (noCurvature) {
                break;
            }
            kept.remove(kept.size() - 1);
        }
        if (kept.size() < 3 || kept.size() < s.minPoints()) {
            return unreliable(kept.size() < 3 ? "the estimates curve in gamma at every range: |a2 / a1| >= " + s.ratio()
                    + " down to 3 subset sizes" : "only " + kept.size() + " subset sizes (gamma " + range(kept) + ") pass |a2 / a1| < "
                    + s.ratio() + " (gamma in units of the largest kept), " + s.minPoints() + " needed: the estimate is not in its linear,"
                    + " large-N regime", kept, a1, a2, points);
        }
        double[] keptVariance = take(variance, gammas, kept);
        Fit line = Fit.of(x(kept), take(mean, gammas, kept), keptVariance, 1);
        int df = kept.size() - 2;
        double t = Quantiles.studentT(0.5 + s.level() / 2, df);
        double centre = line.coefficients[0];
        // Every mean is made of the same N rows: the fit sees how they scatter about the line, not how
        // the whole sample sits off the population, which moves all of them together. That common part
        // is the variance of the all-rows estimate (gamma = 1's, pooled by the 1/N law); it is added.
        double half = t * Math.sqrt(line.standardError(0) * line.standardError(0) + keptVariance[0]);
        return new ReliabilityVerdict(true, null, List.copyOf(kept), a1, a2, centre, centre - half, centre + half, points);
    }

    private static ReliabilityVerdict unreliable(String reason, List<Integer> gammas, double a1, double a2, List<Point> points) {
        return new ReliabilityVerdict(false, reason, List.copyOf(gammas), a1, a2, Double.NaN, Double.NaN, Double.NaN, points);
    }

    private static List<Point> points(Map<Integer, double[]> estimates, List<Integer> gammas) {
        List<Point> out = new ArrayList<>();
        for (int g : gammas) {
            double[] e = estimates.get(g);
            double m = java.util.Arrays.stream(e).average().orElse(Double.NaN);
            double ss = 0;
            for (double v : e) {
                ss += (v - m) * (v - m);
            }
            out.add(new Point(g, m, e.length < 2 ? Double.NaN : Math.sqrt(ss / (e.length - 1) / e.length)));
        }
        return List.copyOf(out);
    }

    /**
     * The mean of each gamma's estimates and the variance of that mean: s^2 / gamma from its own
     * subsets where there are several; by the 1/N law of the estimates' variance, every mean has
     * about the variance of the full-N estimate, so gamma = 1 takes the pooled value, and no mean is
     * credited with less than a quarter of it (two subsets that happen to agree are not certainty).
     */
    private static void weights(Map<Integer, double[]> estimates, List<Integer> gammas, double[] mean, double[] variance) {
        double pooled = 0;
        int pooledCount = 0;
        for (int i = 0; i < gammas.size(); i++) {
            double[] e = estimates.get(gammas.get(i));
            double m = 0;
            for (double v : e) {
                m += v / e.length;
            }
            mean[i] = m;
            if (e.length >= 2) {
                double ss = 0;
                for (double v : e) {
                    ss += (v - m) * (v - m);
                }
                variance[i] = ss / (e.length - 1) / e.length;
                pooled += variance[i];
                pooledCount++;
            } else {
                variance[i] = Double.NaN;
            }
        }
        pooled = pooledCount == 0 ? 0 : pooled / pooledCount;
        for (int i = 0; i < gammas.size(); i++) {
            if (pooled <= 0) {
                variance[i] = 1; // the estimates do not vary at all: equal weights
            } else if (Double.isNaN(variance[i])) {
                variance[i] = pooled;
            } else {
                variance[i] = Math.max(variance[i], pooled / 4);
            }
        }
    }

    private static double[] x(List<Integer> gammas) {
        return gammas.stream().mapToDouble(Integer::doubleValue).toArray();
    }

    private static double[] take(double[] values, List<Integer> all, List<Integer> kept) {
        double[] out = new double[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            out[i] = values[all.indexOf(kept.get(i))];
        }
        return out;
    }

    private static String range(List<Integer> g) {
        return g.isEmpty() ? "none" : g.get(0) + ".." + g.get(g.size() - 1);
    }

    /** What a record keeps: status, reason or the extrapolation with its interval, the fit. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", reliable ? "reliable" : "unreliable");
        if (reason != null) {
            m.put("reason", reason);
        }
        if (reliable) {
            m.put("extrapolated", extrapolated);
            m.put("low", low);
            m.put("high", high);
        }
        m.put("gammas", gammas);
        List<Map<String, Object>> drawn = new ArrayList<>();
        for (Point p : points) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("gamma", p.gamma());
            d.put("mean", p.mean());
            if (Double.isFinite(p.standardError())) {
                d.put("se", p.standardError());
            }
            drawn.add(d);
        }
        m.put("points", drawn);
        if (Double.isFinite(a1)) {
            m.put("a1", a1);
            m.put("a2", a2);
        }
        return m;
    }

    /** Weighted least squares of a polynomial in x, with the coefficients' covariance. */
    private record Fit(double[] coefficients, double[][] covariance) {

        /**
         * Coefficients of 1, x, .., x^degree minimising sum (y - p(x))^2 / variance; their covariance
         * (X'WX)^-1 is scaled up by the reduced chi-square when the points scatter more than their
         * variances say (the variances are themselves estimates).
         */
        static Fit of(double[] x, double[] y, double[] variance, int degree) {
            int p = degree + 1;
            double[][] a = new double[p][p];
            double[] b = new double[p];
            for (int i = 0; i < x.length; i++) {
                double w = 1 / variance[i];
                for (int r = 0; r < p; r++) {
                    b[r] += w * Math.pow(x[i], r) * y[i];
                    for (int c = 0; c < p; c++) {
                        a[r][c] += w * Math.pow(x[i], r + c);
                    }
                }
            }
            double[][] inv = invert(a);
            double[] coef = new double[p];
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    coef[r] += inv[r][c] * b[c];
                }
            }
            int dof = x.length - p;
            if (dof > 0) {
                double chi2 = 0;
                for (int i = 0; i < x.length; i++) {
                    double fit = 0;
                    for (int r = 0; r < p; r++) {
                        fit += coef[r] * Math.pow(x[i], r);
                    }
                    chi2 += (y[i] - fit) * (y[i] - fit) / variance[i];
                }
                double scale = Math.max(1, chi2 / dof);
                for (double[] row : inv) {
                    for (int c = 0; c < p; c++) {
                        row[c] *= scale;
                    }
                }
            }
            return new Fit(coef, inv);
        }

        double standardError(int i) {
            return Math.sqrt(Math.max(0, covariance[i][i]));
        }

        /** Gauss-Jordan with partial pivoting; the matrices here are 2 x 2 and 3 x 3, positive definite. */
        private static double[][] invert(double[][] m) {
            int n = m.length;
            double[][] a = new double[n][2 * n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(m[i], 0, a[i], 0, n);
                a[i][n + i] = 1;
            }
            for (int c = 0; c < n; c++) {
                int pivot = c;
                for (int r = c + 1; r < n; r++) {
                    if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                        pivot = r;
                    }
                }
                double[] t = a[c];
                a[c] = a[pivot];
                a[pivot] = t;
                double d = a[c][c];
                for (int k = 0; k < 2 * n; k++) {
                    a[c][k] /= d;
                }
                for (int r = 0; r < n; r++) {
                    if (r != c) {
                        double f = a[r][c];
                        for (int k = 0; k < 2 * n; k++) {
                            a[r][k] -= f * a[c][k];
                        }
                    }
                }
            }
            double[][] out = new double[n][n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(a[i], n, out[i], 0, n);
            }
            return out;
        }
    }
}
