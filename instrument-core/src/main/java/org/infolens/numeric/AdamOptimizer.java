package org.infolens.numeric;

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
        if (!(learningRate > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("Adam needs a learning rate > 0 and a weight decay >= 0, got " + learningRate
                    + " and " + weightDecay);
        }
        this.parameters = parameters;
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
        this.firstMoments = new INDArray[parameters.length];
        this.secondMoments = new INDArray[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            firstMoments[i] = Nd4j.zerosLike(parameters[i]);
            secondMoments[i] = Nd4j.zerosLike(parameters[i]);
        }
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
