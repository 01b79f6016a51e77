package org.infolens.estimate.spectral;

import com.sun.jna.Pointer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import org.infolens.numeric.RowMajor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The double-precision diffusion kernel built in place on its own N x N native buffer (row-major, the buffer that
 * LAPACK then takes), by passes over the lower triangle: squared distances from the Gram matrix, exponentials and row
 * sums, the symmetric normalisation, and last a copy into the upper triangle. Each pass copies a row's lower part into a
 * Java array and back (a memory copy, no JNI call), so that its arithmetic runs on plain arrays.
 */
final class LowerKernel {

    /** Tile side of the mirror pass, so that both the rows read and the columns written stay in cache. */
    private static final int TILE = 64;

    private final INDArray matrix;
    private final DoubleBuffer[] rows;
    private final int n;

    private LowerKernel(INDArray matrix, int n) {
        this.matrix = matrix;
        this.n = n;
        this.rows = new DoubleBuffer[n];
        Pointer base = new Pointer(matrix.data().address());
        for (int i = 0; i < n; i++) {
            rows[i] = base.getByteBuffer(8L * i * n, 8L * n).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        }
    }

    /**
     * max(|z_i|^2 + |z_j|^2 - 2 z_i.z_j, 0) for j <= i, of the n x d row-major points {@code z}, the Gram matrix by
     * {@code blas} (dsyrk), or by an ND4J GEMM where it is null.
     */
    static LowerKernel distances(double[] z, int n, int d, SystemLapack blas) {
        INDArray gram = Nd4j.createUninitialized(DataType.DOUBLE, n, n);
        if (blas != null) {
            blas.lowerGram(z, n, d, new Pointer(gram.data().address()));
        } else {
            INDArray points = Nd4j.create(z, new long[] {n, d}, DataType.DOUBLE);
            points.mmuli(points.transpose(), gram);
            points.close();
        }
        double[] squares = RowMajor.squaredNorms(z, n, d);
        LowerKernel k = new LowerKernel(gram, n);
        k.update((i, row) -> {
            for (int j = 0; j <= i; j++) {
                row[j] = Math.max(squares[i] + squares[j] - 2 * row[j], 0);
            }
        });
        return k;
    }

    /** See {@link DiffusionKernel#medianDistance}: the pairs of distinct rows are the strictly lower triangle. */
    double medianDistance() {
        return DiffusionKernel.medianDistance(action -> read((i, row) -> {
            for (int j = 0; j < i; j++) {
                action.accept(row[j]);
            }
        }), n);
    }

    /** From squared distances to K = D^-1/2 G D^-1/2, G = exp(-d2 / (2 sigma^2)), the whole matrix. */
    void normalise(double sigma) {
        double twoSigmaSquared = 2 * sigma * sigma;
        double[] sums = new double[n];
        update((i, row) -> {
            double own = 0;
            for (int j = 0; j < i; j++) {
                double g = Math.exp(-row[j] / twoSigmaSquared);
                row[j] = g;
                own += g;
                sums[j] += g;
            }
            row[i] = Math.exp(-row[i] / twoSigmaSquared);
            sums[i] += own + row[i];
        });
        double[] inverseRoot = new double[n];
        for (int i = 0; i < n; i++) {
            inverseRoot[i] = 1 / Math.sqrt(sums[i]); // row sums >= 1 (self-loops)
        }
        update((i, row) -> {
            for (int j = 0; j <= i; j++) {
                row[j] = inverseRoot[i] * row[j] * inverseRoot[j];
            }
        });
        mirror();
    }

    /** The N x N buffer. */
    INDArray matrix() {
        return matrix;
    }

    private void mirror() {
        for (int top = 0; top < n; top += TILE) {
            for (int left = 0; left <= top; left += TILE) {
                for (int i = top; i < Math.min(top + TILE, n); i++) {
                    for (int j = left; j < Math.min(left + TILE, i); j++) {
                        rows[j].put(i, rows[i].get(j));
                    }
                }
            }
        }
    }

    private interface RowAction {
        /** Row {@code i}'s entries 0..i in {@code row}. */
        void apply(int i, double[] row);
    }

    private void read(RowAction action) {
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            rows[i].get(0, row, 0, i + 1);
            action.apply(i, row);
        }
    }

    private void update(RowAction action) {
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            rows[i].get(0, row, 0, i + 1);
            action.apply(i, row);
            rows[i].put(0, row, 0, i + 1);
        }
    }
}
