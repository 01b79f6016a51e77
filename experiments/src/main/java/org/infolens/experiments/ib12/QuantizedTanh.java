package org.infolens.experiments.ib12;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * tanh whose outputs are rounded to 2^bits equally spaced levels on [-1, 1] in the forward pass, with
 * tanh's own gradient in the backward pass (the straight-through estimator of quantization-aware
 * training). Lorenzen, Igel and Nielsen (2022) train such networks so that a layer takes finitely many
 * values and binning at the levels computes its mutual information exactly.
 */
public final class QuantizedTanh extends BaseActivationFunction {

    private int bits;

    /** For Jackson (DL4J writes a network's configuration as JSON). */
    public QuantizedTanh() {
        this(8);
    }

    public QuantizedTanh(int bits) {
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException("--quantize must be 1..16 bits, got " + bits);
        }
        this.bits = bits;
    }

    public int getBits() {
        return bits;
    }

    public void setBits(int bits) {
        this.bits = bits;
    }

    /** Distance between neighbouring levels: 2 / (2^bits - 1). */
    public double step() {
        return 2.0 / ((1 << bits) - 1);
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        new ActivationTanH().getActivation(in, training);
        double levels = (1 << bits) - 1;
        in.addi(1).muli(levels / 2);
        Transforms.round(in, false);
        return in.muli(2 / levels).subi(1);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        return new ActivationTanH().backprop(in, epsilon); // straight through the rounding
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuantizedTanh q && q.bits == bits;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(bits);
    }

    @Override
    public String toString() {
        return "tanh quantized to " + bits + " bits";
    }
}
