package org.infolens.estimate.neural;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A small fully connected network, ND4J with hand-written gradients (instrument-core knows no DL4J
 * networks): ReLU hidden layers, a linear output. The critics and the latent autoencoders are made of
 * these. Weights are drawn from the caller's seeded stream (He-normal for the hidden layers, 1/fan-in
 * for the output), so one seed gives one network on every run.
 */
final class Mlp {

    private final int[] sizes;
    private final INDArray[] params; // w0, b0, w1, b1, ...
    private final INDArray[] layerInputs; // of the last forward pass, for backward
    private final INDArray[] dropMasks; // of the last forward pass: 0 or 1 / (1 - p) per input of each layer; null without dropout

    /** A network {@code sizes[0] -> sizes[1] -> ... -> sizes[last]}. */
    Mlp(int[] sizes, Random rnd) {
        this(sizes, rnd, 1);
    }

    /** The output layer's initial weights scaled by {@code outputScale} (critics start near f = 0, where e^f is tame). */
    Mlp(int[] sizes, Random rnd, double outputScale) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs an input and an output size");
        }
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        this.params = new INDArray[2 * layers];
        this.layerInputs = new INDArray[layers];
        this.dropMasks = new INDArray[layers];
        for (int l = 0; l < layers; l++) {
            double sd = l < layers - 1 ? Math.sqrt(2.0 / sizes[l]) : outputScale * Math.sqrt(1.0 / sizes[l]);
            double[] w = new double[sizes[l] * sizes[l + 1]];
            for (int i = 0; i < w.length; i++) {
                w[i] = rnd.nextGaussian() * sd;
            }
            params[2 * l] = Nd4j.create(w, new long[] {sizes[l], sizes[l + 1]}, DataType.DOUBLE);
            params[2 * l + 1] = Nd4j.zeros(DataType.DOUBLE, 1, sizes[l + 1]);
        }
    }

    private Mlp(int[] sizes, INDArray[] params) {
        this.sizes = sizes;
        this.params = params;
        this.layerInputs = new INDArray[sizes.length - 1];
        this.dropMasks = new INDArray[sizes.length - 1];
    }

    /** Sizes {@code in, hidden x layers, out}. */
    static int[] sizes(int in, int hidden, int hiddenLayers, int out) {
        int[] s = new int[hiddenLayers + 2];
        s[0] = in;
        for (int l = 1; l <= hiddenLayers; l++) {
            s[l] = hidden;
        }
        s[hiddenLayers + 1] = out;
        return s;
    }

    int inputs() {
        return sizes[0];
    }

    int outputs() {
        return sizes[sizes.length - 1];
    }

    INDArray[] params() {
        return params;
    }

    /** An independent copy of the weights. */
    Mlp copy() {
        INDArray[] p = new INDArray[params.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = params[i].dup();
        }
        return new Mlp(sizes, p);
    }

    /** The outputs of the rows of {@code x}; keeps what {@link #backward} needs. */
    INDArray forward(INDArray x) {
        return forward(x, 0, null);
    }

    /**
     * The outputs in training with (inverted) dropout: each input of every layer, the network's own
     * inputs included, is zeroed with probability {@code dropout} and the rest scaled by 1 / (1 -
     * dropout), the masks drawn from {@code rnd}; {@code dropout} 0 is the plain forward pass.
     */
    INDArray forward(INDArray x, double dropout, Random rnd) {
        INDArray h = x;
        int layers = layerInputs.length;
        for (int l = 0; l < layers; l++) {
            dropMasks[l] = dropout > 0 ? mask(h.rows(), h.columns(), dropout, rnd) : null;
            if (dropMasks[l] != null) {
                h = h.mul(dropMasks[l]);
            }
            layerInputs[l] = h;
            h = h.mmul(params[2 * l]).addiRowVector(params[2 * l + 1]);
            if (l < layers - 1) {
                h = Transforms.relu(h, false);
            }
        }
        return h;
    }

    /**
     * Back-propagates {@code dOut} (the loss' gradient in the last forward pass' outputs): writes each
     * parameter's gradient into {@code grads[offset + i]} and returns the gradient in the inputs.
     */
    INDArray backward(INDArray dOut, INDArray[] grads, int offset) {
        INDArray d = dOut;
        for (int l = layerInputs.length - 1; l >= 0; l--) {
            INDArray in = layerInputs[l];
            grads[offset + 2 * l] = in.transpose().mmul(d);
            grads[offset + 2 * l + 1] = d.sum(true, 0);
            d = d.mmul(params[2 * l].transpose());
            if (dropMasks[l] != null) {
                d.muli(dropMasks[l]);
            }
            if (l > 0) {
                d.muli(Transforms.sign(in, true)); // the ReLU's derivative: its output is >= 0
            }
        }
        return d;
    }

    private static INDArray mask(int rows, int columns, double dropout, Random rnd) {
        double kept = 1 / (1 - dropout);
        double[] m = new double[rows * columns];
        for (int i = 0; i < m.length; i++) {
            m[i] = rnd.nextDouble() < dropout ? 0 : kept;
        }
        return Nd4j.create(m, new long[] {rows, columns}, DataType.DOUBLE);
    }
}
