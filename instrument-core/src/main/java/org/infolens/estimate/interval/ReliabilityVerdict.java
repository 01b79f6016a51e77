package org.infolens.estimate.interval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict on one value from its estimates on gamma = 1, 2, 3, ... disjoint subsets of N / gamma
 * rows (Abdelaleem, Martini and Nemenman 2025, after Holmes and Nemenman 2019): the mean over the
 * subsets of each size is fitted against N / (rows in a subset), about gamma, by least squares; while
 * the quadratic term is not small beside the linear one over the range fitted (|a2 / a1| >= ratio with
 * gamma in units of the largest gamma kept, i.e. |a2| gammaMax >= ratio |a1|), or the line scatters more
 * than the estimates themselves do, the largest gamma is dropped; with at least {@code minPoints} sizes
 * left, the line's intercept at gamma -> 0 (infinite N) is the extrapolated value, with its interval.
 * Otherwise the value is unreliable, and the reason says which condition failed.
 *
 * <p>Why the fit is unweighted and its errors come from its residuals: every mean is made of the same N
 * rows, so the part of their fluctuation that is linear in the data (for a smooth estimator, most of
 * it) is the same in all of them. It moves the whole line, not its slope or curvature, and the
 * spread of each gamma's estimates cannot tell it from the part that differs between the means (a
 * neural critic's training noise). The residuals about the line measure the differing part; the rest
 * of each mean's variance (the spread's estimate s^2 / gamma, pooled over gamma) is the common part,
 * which the interval adds once.
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
     *                  subsets could not all be estimated are left out by the caller, any with a value
     *                  that is not finite here
     * @param rows      N, the rows the subsets were cut from (a subset holds N / gamma, rounded down)
     */
    static ReliabilityVerdict of(Map<Integer, double[]> estimates, int rows, VerdictSettings s) {
        List<Integer> gammas = new ArrayList<>(new java.util.TreeSet<>(estimates.keySet()));
        gammas.removeIf(g -> !java.util.Arrays.stream(estimates.get(g)).allMatch(Double::isFinite));
        List<Point> points = points(estimates, gammas);
        if (gammas.size() < s.minPoints()) {
            return unreliable("too few rows: estimates on only " + gammas.size() + " subset sizes (gamma " + range(gammas)
                    + ", subsets of at least N / " + (gammas.isEmpty() ? 1 : gammas.get(gammas.size() - 1)) + " rows), "
                    + s.minPoints() + " needed", gammas, Double.NaN, Double.NaN, points);
        }
        List<Integer> kept = new ArrayList<>(gammas);
        double a1 = Double.NaN;
        double a2 = Double.NaN;
        String failed = null;
        boolean passed = false;
        Fit line = null; // of the range that passed
        Spread spread = null;
        while (kept.size() >= 3) {
            double[] x = x(kept, rows);
            double[] y = means(points, kept);
            Fit q = Fit.of(x, y, 2);
            line = Fit.of(x, y, 1);
            a1 = q.coefficients[1];
            a2 = q.coefficients[2];
            spread = Spread.of(points, kept);
            // The ratio is taken over the range fitted (gamma in units of the largest kept), where it is
            // the quadratic term's share of the linear one at the far end: a2 / a1 alone has units of
            // 1 / gamma, and in gamma units no bias of the form N^-alpha (KSG's in d dimensions, alpha
            // about 2/d) ever reaches 0.1 over gamma 1..10, while its linear extrapolation leaves most
            // of the bias in place.
            // Also linear when the estimate does not move with N: neither the line's slope nor the
            // curvature is distinguishable from the scatter about the fits (a1 ~ 0 would otherwise never
            // pass the ratio). The slope is the line's: the quadratic's a1 is too uncertain (gamma and
            // gamma^2 are nearly collinear) to tell a flat estimate from a bent one. Curvature that is
            // merely not significant does not pass: with 5 to 10 points a2 is so uncertain that most
            // curved estimates (KSG's) would then be called linear.
            boolean linear = Math.abs(a2) * x[x.length - 1] < s.ratio() * Math.abs(a1)
                    || (Math.abs(line.coefficients[1]) <= 2 * line.standardError(1) && Math.abs(a2) <= 2 * q.standardError(2));
            // A line that scatters more than each mean varies by itself (an F test against the pooled spread,
            // which holds the common part too, so it errs towards passing) fits nothing, however flat.
            boolean fits = line.residualVariance() <= spread.variance() * Quantiles.fisherF(s.level(), x.length - 2, spread.degrees());
            if (linear && fits) {
                passed = true;
                break;
            }
            if (failed == null) { // said for the whole range, where the question is asked
                failed = (linear ? "the means scatter about the line more than their own spread allows (F test at " + s.level() + ")"
                        : "the estimates curve in gamma: |a2 / a1| >= " + s.ratio() + " (gamma in units of the largest kept)")
                        + " over gamma " + range(kept);
            }
            kept.remove(kept.size() - 1);
        }
        if (!passed || kept.size() < s.minPoints()) {
            String left = passed ? "only " + kept.size() + " subset sizes (gamma " + range(kept) + ") pass"
                    : "no range of 3 or more subset sizes passes";
            return unreliable(failed + "; " + left + ", " + s.minPoints() + " needed: the estimate is not in its linear, large-N regime",
                    kept, a1, a2, points);
        }
        double centre = line.coefficients[0];
        double differing = line.residualVariance();
        double common = Math.max(0, spread.variance() - differing);
        double tFit = Quantiles.studentT(0.5 + s.level() / 2, kept.size() - 2);
        double tCommon = Quantiles.studentT(0.5 + s.level() / 2, spread.degrees());
        double half = Math.sqrt(tFit * tFit * line.standardError(0) * line.standardError(0) + tCommon * tCommon * common);
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
     * The variance of one mean by the 1/N law (each gamma's s^2 / gamma estimates the variance of the
     * all-rows estimate), pooled over the kept gammas with their gamma - 1 degrees of freedom each.
     */
    private record Spread(double variance, int degrees) {

        static Spread of(List<Point> points, List<Integer> kept) {
            double sum = 0;
            int degrees = 0;
            for (Point p : points) {
                if (kept.contains(p.gamma()) && p.gamma() >= 2) {
                    sum += (p.gamma() - 1) * p.standardError() * p.standardError();
                    degrees += p.gamma() - 1;
                }
            }
            return new Spread(degrees == 0 ? 0 : sum / degrees, degrees);
        }
    }

    /** N over the rows in a subset: gamma, but exact where N / gamma is rounded down. */
    private static double[] x(List<Integer> gammas, int rows) {
        return gammas.stream().mapToDouble(g -> (double) rows / (rows / g)).toArray();
    }

    private static double[] means(List<Point> points, List<Integer> kept) {
        return points.stream().filter(p -> kept.contains(p.gamma())).mapToDouble(Point::mean).toArray();
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

    /** Least squares of a polynomial in x, with the coefficients' covariance from the residuals. */
    private record Fit(double[] coefficients, double[][] covariance, double residualVariance) {

        /**
         * Coefficients of 1, x, .., x^degree minimising sum (y - p(x))^2; their covariance s^2 (X'X)^-1
         * with s^2 the residuals' variance (NaN with no degree of freedom left).
         */
        static Fit of(double[] x, double[] y, int degree) {
            int p = degree + 1;
            double[][] a = new double[p][p];
            double[] b = new double[p];
            for (int i = 0; i < x.length; i++) {
                for (int r = 0; r < p; r++) {
                    b[r] += Math.pow(x[i], r) * y[i];
                    for (int c = 0; c < p; c++) {
                        a[r][c] += Math.pow(x[i], r + c);
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
            double rss = 0;
            for (int i = 0; i < x.length; i++) {
                double fit = 0;
                for (int r = 0; r < p; r++) {
                    fit += coef[r] * Math.pow(x[i], r);
                }
                rss += (y[i] - fit) * (y[i] - fit);
            }
            double s2 = x.length > p ? rss / (x.length - p) : Double.NaN;
            for (double[] row : inv) {
                for (int c = 0; c < p; c++) {
                    row[c] *= s2;
                }
            }
            return new Fit(coef, inv, s2);
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
