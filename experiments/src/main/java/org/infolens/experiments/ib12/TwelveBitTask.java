package org.infolens.experiments.ib12;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;
import org.infolens.io.Csv;
import org.infolens.io.NpyArray;
import org.infolens.io.Npy;

/**
 * The 12-bit task of Shwartz-Ziv and Tishby (2017): all 4096 binary patterns of 12 bits, each bit a
 * point on the sphere, labelled by a rule invariant under the rotations that map those points onto
 * themselves. Patterns are listed in binary counting order (row i is i in binary, most significant
 * bit first), as in the authors' file.
 *
 * <p>The generated task puts the 12 points on the vertices of an icosahedron and labels a pattern by
 * how concentrated its occupied points are: with S the occupied vertices and n = |S|,
 * f(x) = |sum_{i in S} v_i|^2 / (n + 1), y = [f(x) > theta], theta chosen so p(y = 1) is as close to
 * 1/2 as the distinct values of f allow (exactly 1/2 here). f depends only on the geometry of S, so
 * any rotation or reflection of the icosahedron (which permutes the bits) leaves the label unchanged.
 * f is computed from integer pair counts, so equal configurations get bit-identical values.
 *
 * @param features 4096 x 12 values in {0, 1}
 * @param labels   one label per pattern, 0 or 1
 * @param source   "generated (icosahedron, ...)" or the file read
 */
public record TwelveBitTask(float[][] features, int[] labels, String source) {

    public static final int BITS = 12;
    public static final int PATTERNS = 1 << BITS;

    public TwelveBitTask {
        if (features.length != labels.length) {
            throw new IllegalArgumentException("12-bit task: " + features.length + " patterns but " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }

    /** Fraction of patterns with label 1. */
    public double positiveRate() {
        return Arrays.stream(labels).filter(y -> y == 1).count() / (double) labels.length;
    }

    /** Entropy of the labels, bits: I(X;Y) for this deterministic rule. */
    public double labelEntropyBits() {
        double p = positiveRate();
        return p <= 0 || p >= 1 ? 0 : -(p * Math.log(p) + (1 - p) * Math.log(1 - p)) / Math.log(2);
    }

    /** The project's own task of the published kind; deterministic. */
    public static TwelveBitTask generate() {
        double[][] v = icosahedron();
        double inverseSqrt5 = 1 / Math.sqrt(5);
        // pair types by dot product: neighbours +1/sqrt5, second neighbours -1/sqrt5, antipodes -1
        int[][] type = new int[BITS][BITS];
        for (int i = 0; i < BITS; i++) {
            for (int j = 0; j < BITS; j++) {
                double dot = v[i][0] * v[j][0] + v[i][1] * v[j][1] + v[i][2] * v[j][2];
                type[i][j] = dot > 0.5 ? 0 : dot > 0 ? 1 : dot > -0.9 ? 2 : 3; // 0 = self
            }
        }
        float[][] x = new float[PATTERNS][BITS];
        double[] f = new double[PATTERNS];
        for (int p = 0; p < PATTERNS; p++) {
            int n = 0;
            int near = 0;
            int far = 0;
            int antipodal = 0;
            for (int i = 0; i < BITS; i++) {
                x[p][i] = bit(p, i);
                if (bit(p, i) == 0) {
                    continue;
                }
                n++;
                for (int j = i + 1; j < BITS; j++) {
                    if (bit(p, j) == 1) {
                        switch (type[i][j]) {
                            case 1 -> near++;
                            case 2 -> far++;
                            default -> antipodal++;
                        }
                    }
                }
            }
            double resultantSquared = n + 2 * ((near - far) * inverseSqrt5 - antipodal);
            f[p] = resultantSquared / (n + 1);
        }
        double theta = balancingThreshold(f);
        int[] y = new int[PATTERNS];
        for (int p = 0; p < PATTERNS; p++) {
            y[p] = f[p] > theta ? 1 : 0;
        }
        return new TwelveBitTask(x, y, String.format(Locale.ROOT,
                "generated: icosahedron vertices, y = [|sum of occupied v|^2 / (n+1) > %.6f]", theta));
    }

    /** The distinct value of f that splits the patterns closest to half and half. */
    static double balancingThreshold(double[] f) {
        double best = Double.NaN;
        double bestGap = Double.POSITIVE_INFINITY;
        for (double t : new TreeSet<>(Arrays.stream(f).boxed().toList())) {
            long above = Arrays.stream(f).filter(v -> v > t).count();
            double gap = Math.abs(above / (double) f.length - 0.5);
            if (gap < bestGap) {
                bestGap = gap;
                best = t;
            }
        }
        return best;
    }

    /** Bit i of pattern p, most significant first. */
    static int bit(int pattern, int i) {
        return (pattern >> (BITS - 1 - i)) & 1;
    }

    /** The 12 vertices of the regular icosahedron, (0, +-1, +-phi) and cyclic permutations, on the unit sphere. */
    static double[][] icosahedron() {
        double phi = (1 + Math.sqrt(5)) / 2;
        double norm = Math.sqrt(1 + phi * phi);
        double[][] v = new double[BITS][];
        int k = 0;
        for (int a : new int[] {-1, 1}) {
            for (int b : new int[] {-1, 1}) {
                v[k++] = new double[] {0, a / norm, b * phi / norm};
                v[k++] = new double[] {a / norm, b * phi / norm, 0};
                v[k++] = new double[] {b * phi / norm, 0, a / norm};
            }
        }
        return v;
    }

    /**
     * The authors' file (var_u from their repository): a .csv with 12 input columns and a label column
     * (header optional), or var_u_F.npy (patterns) with var_u_y.npy beside it (labels).
     */
    public static TwelveBitTask read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file (expected the 12-bit task as .csv, or var_u_F.npy with var_u_y.npy)");
        }
        String name = file.getFileName().toString();
        float[][] x;
        int[] y;
        if (name.toLowerCase(Locale.ROOT).endsWith(".npy")) {
            Path labelsFile = file.resolveSibling(name.replace("_F.npy", "_y.npy"));
            if (labelsFile.equals(file) || !Files.isRegularFile(labelsFile)) {
                throw new IOException(file + ": the labels are read from " + labelsFile.getFileName()
                        + " beside it (the authors' var_u_F.npy / var_u_y.npy pair), and it is missing");
            }
            NpyArray f = Npy.read(file);
            NpyArray l = Npy.read(labelsFile);
            if (f.shape().length != 2 || f.columns() != BITS) {
                throw new IOException(file + ": shape " + f.shapeText() + ", expected (" + PATTERNS + ", " + BITS + ")");
            }
            x = rows(f.values(), f.rows(), BITS, 0, BITS);
            y = integerLabels(l.values(), labelsFile);
        } else {
            Csv.Table t = Csv.read(file);
            if (t.columns() != BITS + 1) {
                throw new IOException(file + ": " + t.columns() + " columns, expected 12 inputs and a label");
            }
            x = rows(t.values(), t.rows(), BITS + 1, 0, BITS);
            double[] lab = new double[t.rows()];
            for (int r = 0; r < t.rows(); r++) {
                lab[r] = t.get(r, BITS);
            }
            y = integerLabels(lab, file);
        }
        if (x.length != y.length) {
            throw new IOException(file + ": " + x.length + " patterns but " + y.length + " labels");
        }
        for (int r = 0; r < x.length; r++) {
            for (float b : x[r]) {
                if (b != 0 && b != 1) {
                    throw new IOException(file + ": pattern " + r + " has a value " + b + ", expected bits 0 or 1");
                }
            }
        }
        return new TwelveBitTask(x, y, "file: " + file.toAbsolutePath().normalize());
    }

    private static float[][] rows(double[] values, int rows, int stride, int from, int to) {
        float[][] x = new float[rows][to - from];
        for (int r = 0; r < rows; r++) {
            for (int c = from; c < to; c++) {
                x[r][c - from] = (float) values[r * stride + c];
            }
        }
        return x;
    }

    private static int[] integerLabels(double[] values, Path file) throws IOException {
        int[] y = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0 && values[i] != 1) {
                throw new IOException(file + ": label " + i + " is " + values[i] + ", expected 0 or 1");
            }
            y[i] = (int) values[i];
        }
        return y;
    }
}
