package org.infolens.estimate.lossy;

import java.util.Random;
import org.infolens.data.Activations;
import org.infolens.numeric.AdamOptimizer;
import org.infolens.numeric.RandomRows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The small autoencoder that compresses a probe's inputs for the lossy estimator, trained once per
 * run: D -> h (tanh) -> m (linear code) -> h (tanh) -> D (linear), mean squared error, Adam, on the
 * standardised inputs. ND4J with hand-written gradients: instrument-core knows no DL4J networks.
 */
final class Autoencoder {

    private static final double LEARNING_RATE = 1e-3;
    private static final int BATCH = 128;

    private final double[] mean;
    private final double[] scale;
    private final INDArray[] params; // w1, b1, w2, b2, w3, b3, w4, b4
    private final double finalLoss;

    private Autoencoder(double[] mean, double[] scale, INDArray[] params, double finalLoss) {
        this.mean = mean;
        this.scale = scale;
        this.params = params;
        this.finalLoss = finalLoss;
    }

    /** Trains on the rows of {@code x} for {@code epochs} passes, seeded. */
    static Autoencoder train(Activations x, int codeDims, int hidden, int epochs, long seed) {
        int n = x.rows();
        int d = x.columns();
        double[] mean = new double[d];
        double[] scale = new double[d];
        double[] data = standardise(x, mean, scale, true);
        Random rnd = new Random(seed);
        int[][] shapes = {{d, hidden}, {1, hidden}, {hidden, codeDims}, {1, codeDims}, {codeDims, hidden}, {1, hidden}, {hidden, d}, {1, d}};
        INDArray[] p = new INDArray[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            boolean bias = shapes[i][0] == 1;
            p[i] = bias ? Nd4j.zeros(DataType.DOUBLE, shapes[i][0], shapes[i][1]) : xavier(shapes[i][0], shapes[i][1], rnd);
        }
        AdamOptimizer adam = new AdamOptimizer(p, LEARNING_RATE, 0);
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        double loss = Double.NaN;
        for (int epoch = 0; epoch < epochs; epoch++) {
            RandomRows.shuffle(order, rnd);
            double sum = 0;
            for (int from = 0; from < n; from += BATCH) {
                int to = Math.min(n, from + BATCH);
                double[] rows = new double[(to - from) * d]; // gathered in Java: ND4J's getRows is slow
                for (int r = from; r < to; r++) {
                    System.arraycopy(data, order[r] * d, rows, (r - from) * d, d);
                }
                INDArray batch = Nd4j.create(rows, new long[] {to - from, d}, DataType.DOUBLE);
                INDArray[] grads = new INDArray[p.length];
                sum += gradients(batch, p, grads) * (to - from);
                adam.step(grads);
            }
            loss = sum / n;
        }
        return new Autoencoder(mean, scale, p, loss);
    }

    /**
     * Xavier-normal weights from the seeded Java stream: ND4J's global generator gave other weights on
     * every run for the same seed, and with them another estimate.
     */
    private static INDArray xavier(int rows, int columns, Random rnd) {
        double sd = Math.sqrt(2.0 / (rows + columns));
        double[] w = new double[rows * columns];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextGaussian() * sd;
        }
        return Nd4j.create(w, new long[] {rows, columns}, DataType.DOUBLE);
    }

    /** Mean squared reconstruction error of the last training epoch (standardised units). */
    double finalLoss() {
        return finalLoss;
    }

    /** The codes of {@code x}'s rows, row-major, N x m. */
    double[] encode(Activations x) {
        INDArray data = Nd4j.create(standardise(x, mean, scale, false), new long[] {x.rows(), x.columns()}, DataType.DOUBLE);
        INDArray h1 = Transforms.tanh(data.mmul(params[0]).addiRowVector(params[1]), false);
        return h1.mmul(params[2]).addiRowVector(params[3]).data().asDouble();
    }

    /** Loss of one batch; fills {@code grads} with the gradient of each parameter. */
    private static double gradients(INDArray x, INDArray[] p, INDArray[] grads) {
        long b = x.rows();
        INDArray h1 = Transforms.tanh(x.mmul(p[0]).addiRowVector(p[1]), true);
        INDArray code = h1.mmul(p[2]).addiRowVector(p[3]);
        INDArray h3 = Transforms.tanh(code.mmul(p[4]).addiRowVector(p[5]), true);
        INDArray out = h3.mmul(p[6]).addiRowVector(p[7]);
        INDArray diff = out.subi(x);
        double loss = diff.mul(diff).meanNumber().doubleValue();
        INDArray dOut = diff.muli(2.0 / (b * x.columns()));
        grads[6] = h3.transpose().mmul(dOut);
        grads[7] = dOut.sum(true, 0);
        INDArray dZ3 = dOut.mmul(p[6].transpose()).muli(h3.mul(h3).rsubi(1));
        grads[4] = code.transpose().mmul(dZ3);
        grads[5] = dZ3.sum(true, 0);
        INDArray dCode = dZ3.mmul(p[4].transpose());
        grads[2] = h1.transpose().mmul(dCode);
        grads[3] = dCode.sum(true, 0);
        INDArray dZ1 = dCode.mmul(p[2].transpose()).muli(h1.mul(h1).rsubi(1));
        grads[0] = x.transpose().mmul(dZ1);
        grads[1] = dZ1.sum(true, 0);
        return loss;
    }

    /** Inputs as a row-major double matrix, each column centred and scaled (fitting mean and scale when asked). */
    private static double[] standardise(Activations x, double[] mean, double[] scale, boolean fit) {
        int n = x.rows();
        int d = x.columns();
        if (fit) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                double s2 = 0;
                for (int r = 0; r < n; r++) {
                    s += x.get(r, j);
                    s2 += (double) x.get(r, j) * x.get(r, j);
                }
                mean[j] = s / n;
                double sd = Math.sqrt(Math.max(0, s2 / n - mean[j] * mean[j]));
                scale[j] = sd > 0 ? sd : 1;
            }
        }
        double[] v = new double[n * d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                v[r * d + j] = (x.get(r, j) - mean[j]) / scale[j];
            }
        }
        return v;
    }
}
