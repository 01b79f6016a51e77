package org.infolens.estimate.neural;

import java.util.Random;
import java.util.function.Supplier;
import org.infolens.numeric.AdamOptimizer;
import org.infolens.numeric.RandomRows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the neural estimators share: train a critic on the training rows by ascending a bound's
 * objective (Adam, seeded minibatch order), measure the bound on the held-out rows after every epoch,
 * keep the critic of the best held-out value, stop after {@code patience} epochs without improvement.
 * A non-finite training objective or held-out value stops training (the critic diverged); the best
 * critic before it stands, and with none the estimate is an error the caller reports.
 */
final class CriticTraining {

    /** How a critic is trained; the estimators' parameters. */
    record Schedule(int batch, double learningRate, int maxEpochs, int patience, long seed) {
    }

    /** The outcome: the best critic, its held-out value (nats) and how training went. */
    record Result(Critic critic, double heldOutNats, int bestEpoch, int epochs, boolean stoppedEarly, int divergedAtEpoch,
                  int evaluationBatch, double ceilingNats) {

        boolean diverged() {
            return divergedAtEpoch > 0;
        }
    }

    private CriticTraining() {
    }

    /**
     * Trains {@code critic} (in place; a copy of the best is returned) on rows {@code train} of x and y,
     * evaluating on {@code heldOut}. Epoch 0 is the critic as given: a warm start that is already
     * best stays.
     */
    static Result train(Critic critic, Rows x, Rows y, int[] train, int[] heldOut, Supplier<Bound> bounds, Schedule s) {
        Bound bound = bounds.get();
        Random rnd = new Random(s.seed() ^ 0x5DEECE66DL);
        int batch = Math.min(s.batch(), train.length);
        AdamOptimizer adam = new AdamOptimizer(critic.params(), s.learningRate(), 0);
        int[] order = train.clone();
        Critic best = critic.copy();
        double bestValue = evaluate(critic, x, y, heldOut, batch, bounds.get());
        int evalBatch = evaluationBatch(heldOut.length, batch);
        int bestEpoch = 0;
        int epoch = 0;
        int diverged = 0;
        if (!Double.isFinite(bestValue)) { // an untrained critic can overflow the bound: training may still bring it down
            bestValue = Double.NEGATIVE_INFINITY;
        }
        boolean stoppedEarly = false;
        while (epoch < s.maxEpochs()) {
            epoch++;
            RandomRows.shuffle(order, rnd);
            boolean finite = true;
            for (int from = 0; from + 2 <= order.length && finite; from += batch) {
                int to = Math.min(order.length, from + batch);
                if (to - from < 2) {
                    break;
                }
                INDArray scores = critic.scores(x.batch(order, from, to), y.batch(order, from, to));
                double[] sv = scores.data().asDouble();
                int b = to - from;
                double[] grad = bound.objectiveGradient(sv, b);
                finite = allFinite(sv) && allFinite(grad);
                if (!finite) {
                    break;
                }
                for (int i = 0; i < grad.length; i++) {
                    grad[i] = -grad[i]; // Adam descends: the loss is minus the objective
                }
                INDArray[] grads = critic.backward(Nd4j.create(grad, new long[] {b, b}, DataType.DOUBLE));
                for (INDArray g : grads) {
                    finite &= Double.isFinite(g.sumNumber().doubleValue());
                }
                if (finite) {
                    adam.step(grads);
                }
            }
            double value = finite ? evaluate(critic, x, y, heldOut, batch, bounds.get()) : Double.NaN;
            if (!Double.isFinite(value)) {
                diverged = epoch;
                break;
            }
            if (value > bestValue) {
                bestValue = value;
                best = critic.copy();
                bestEpoch = epoch;
            } else if (epoch - bestEpoch >= s.patience()) {
                stoppedEarly = true;
                break;
            }
        }
        return new Result(best, bestValue, bestEpoch, epoch, stoppedEarly, diverged,
                evalBatch, ceiling(bound, heldOut.length, batch));
    }

    /** Held-out rows are scored in chunks of at least the training batch (the last chunk takes the remainder). */
    static int evaluationBatch(int heldOut, int batch) {
        int chunks = Math.max(1, heldOut / batch);
        return heldOut / chunks;
    }

    /** The most the held-out value can be: the chunks' ceilings, weighted by their rows as the value is (chunks of b and b + 1 rows). */
    static double ceiling(Bound bound, int heldOut, int batch) {
        int chunks = Math.max(1, heldOut / batch);
        double sum = 0;
        for (int c = 0; c < chunks; c++) {
            int rows = (int) ((long) (c + 1) * heldOut / chunks) - (int) ((long) c * heldOut / chunks);
            sum += bound.ceilingNats(rows) * rows;
        }
        return sum / heldOut;
    }

    /** The bound on the held-out rows: the mean over chunks, weighted by their rows. */
    static double evaluate(Critic critic, Rows x, Rows y, int[] heldOut, int batch, Bound bound) {
        int chunks = Math.max(1, heldOut.length / batch);
        double sum = 0;
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) c * heldOut.length / chunks);
            int to = (int) ((long) (c + 1) * heldOut.length / chunks);
            INDArray scores = critic.scores(x.batch(heldOut, from, to), y.batch(heldOut, from, to));
            sum += bound.value(scores.data().asDouble(), to - from) * (to - from);
        }
        return sum / heldOut.length;
    }

    private static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }
}
