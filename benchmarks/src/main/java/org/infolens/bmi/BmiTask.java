package org.infolens.bmi;

import java.util.Objects;

/**
 * One task of the Beyond-Normal benchmark (Czyz et al. 2023): a seeded sampler of (X, Y) pairs and
 * the exact I(X;Y) of the distribution it draws from.
 *
 * @param name       short name for tables, e.g. "spiral @ mn 2-pair 5x5"
 * @param dimX       columns of X
 * @param dimY       columns of Y
 * @param truthNats  the closed-form mutual information, nats
 * @param sampler    draws the pairs
 */
public record BmiTask(String name, int dimX, int dimY, double truthNats, Sampler sampler) {

    public BmiTask {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sampler, "sampler");
        if (dimX < 1 || dimY < 1 || !(truthNats >= 0)) {
            throw new IllegalArgumentException("task " + name + ": needs dimensions >= 1 and a truth >= 0, got " + dimX + " x " + dimY
                    + ", " + truthNats);
        }
    }

    /** {@code n} pairs drawn with {@code seed}. */
    public Sample sample(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("task " + name + ": needs n >= 1 rows, got " + n);
        }
        Sample s = sampler.sample(n, seed);
        if (s.x()[0].length != dimX || s.y()[0].length != dimY) {
            throw new IllegalStateException("task " + name + " drew " + s.x()[0].length + " x " + s.y()[0].length + " columns, declares "
                    + dimX + " x " + dimY);
        }
        return s;
    }

    /** The same distribution with each row of X and of Y mapped by an injective smooth map: the same I(X;Y). */
    BmiTask transformed(String prefix, RowMap onX, RowMap onY, int addX, int addY) {
        Sampler base = sampler;
        return new BmiTask(prefix + " @ " + name, dimX + addX, dimY + addY, truthNats, (n, seed) -> {
            Sample s = base.sample(n, seed);
            return new Sample(onX.applyToRows(s.x()), onY.applyToRows(s.y()));
        });
    }

    /** Draws n (X, Y) pairs from a seed. */
    @FunctionalInterface
    public interface Sampler {
        Sample sample(int n, long seed);
    }

    /** n rows of X and of Y, row i of each forming one pair. */
    public record Sample(double[][] x, double[][] y) {
    }

    /** A map of one row (a point) to another. */
    @FunctionalInterface
    interface RowMap {
        double[] apply(double[] row);

        default double[][] applyToRows(double[][] rows) {
            double[][] out = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                out[i] = apply(rows[i]);
            }
            return out;
        }

        /** The same scalar function on every coordinate. */
        static RowMap each(java.util.function.DoubleUnaryOperator f) {
            return row -> {
                double[] out = new double[row.length];
                for (int j = 0; j < row.length; j++) {
                    out[j] = f.applyAsDouble(row[j]);
                }
                return out;
            };
        }
    }
}
