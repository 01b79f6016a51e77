package org.infolens.numeric;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam (Kingma & Ba) over a fixed list of ND4J parameters, updated in place, with optional decoupled
 * weight decay (AdamW, Loshchilov & Hutter, as PyTorch applies it: p <- p (1 - lr wd) before the Adam
 * step). Betas 0.9 / 0.999, epsilon 1e-8 added to sqrt(v), the bias corrections folded into the step
 * size: lr sqrt(1 - beta2^t) / (1 - beta1^t). Shared by the small networks instrument-core trains with hand-written gradients.
 */
public final class AdamOptimizer {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final INDArray[] parameters;
    private final INDArray[] firstMoments;
    private final INDArray[] secondMoments;
    private final double learningRate;
    private final double weightDecay;
    private long step;

    /** Adam (weightDecay 0) or AdamW over {@code parameters}, whose arrays it updates in place. */
    public AdamOptimizer(INDArray[] parameters, double learningRate, double weightDecay) {
        this(parameters, learningRate, weightDecay, zerosLike(parameters), zerosLike(parameters), 0);
    }

    private AdamOptimizer(INDArray[] parameters, double learningRate, double weightDecay, INDArray[] firstMoments, INDArray[] secondMoments,
                          long step) {
        if (!(learningRate > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("Adam needs a learning rate > 0 and a weight decay >= 0, got " + learningRate
                    + " and " + weightDecay);
        }
        this.parameters = parameters;
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
        this.firstMoments = firstMoments;
        this.secondMoments = secondMoments;
        this.step = step;
    }

    /**
     * An optimiser over {@code parameters} (one array per parameter of this one, same shapes, typically copies of
     * them) that goes on from this one's moments and step count, at {@code learningRate}; this one is unchanged.
     * Resuming a training this way keeps its step sizes: a fresh Adam's first steps move every coordinate by about
     * the learning rate whatever its gradient, which knocks a converged model off its optimum.
     */
    public AdamOptimizer continuedOn(INDArray[] parameters, double learningRate) {
        if (parameters.length != this.parameters.length) {
            throw new IllegalArgumentException("Adam continues on " + this.parameters.length + " parameters, given " + parameters.length);
        }
        INDArray[] first = new INDArray[parameters.length];
        INDArray[] second = new INDArray[parameters.length];
        for (int k = 0; k < parameters.length; k++) {
            if (!Arrays.equals(parameters[k].shape(), this.parameters[k].shape())) {
                throw new IllegalArgumentException("Adam continues on parameter " + k + " of shape " + Arrays.toString(
                        this.parameters[k].shape()) + ", given " + Arrays.toString(parameters[k].shape()));
            }
            first[k] = firstMoments[k].dup();
            second[k] = secondMoments[k].dup();
        }
        return new AdamOptimizer(parameters, learningRate, weightDecay, first, second, step);
    }

    private static INDArray[] zerosLike(INDArray[] parameters) {
        INDArray[] z = new INDArray[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            z[i] = Nd4j.zerosLike(parameters[i]);
        }
        return z;
    }

    /**
     * One step with {@code gradients[k]} the gradient of the loss in {@code parameters[k]}; the
     * gradient arrays are overwritten with the updates. ND4J's fused Adam op does the moment and
     * update arithmetic in one call: for small networks the per-op cost of ND4J, not arithmetic,
     * is what a step costs.
     */
    public void step(INDArray[] gradients) {
        for (int k = 0; k < parameters.length; k++) {
            if (weightDecay > 0) {
                parameters[k].muli(1 - learningRate * weightDecay);
            }
            // libnd4j counts iterations from 0 and corrects the moments' bias with iteration + 1
            Nd4j.exec(new AdamUpdater(gradients[k], secondMoments[k], firstMoments[k], learningRate, BETA1, BETA2, EPSILON, (int) step));
            parameters[k].subi(gradients[k]);
        }
        step++;
    }
}
