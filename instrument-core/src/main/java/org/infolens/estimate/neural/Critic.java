package org.infolens.estimate.neural;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A critic f(x, y) scored on every pairing of a batch: the B x B matrix S[i][j] = f(x_i, y_j), whose
 * diagonal holds samples of the joint and whose off-diagonal holds samples of the product of the
 * marginals (Poole et al. 2019). Two shapes, as in that paper:
 * <ul>
 *   <li>separable: f(x, y) = g(x) . h(y) + a(x) + b(y), two MLPs, one matrix product per batch;</li>
 *   <li>concatenated: f(x, y) = MLP([x, y]) on all B^2 pairs; the first layer is split, W [x; y] =
 *       W_x x + W_y y, so each row is projected once and only the pairs' sums are B^2 x hidden.</li>
 * </ul>
 */
abstract class Critic {

    /** Scale of the last layers' initial weights: scores start small, so that e^f starts near 1 in NWJ and DV. */
    static final double INITIAL_OUTPUT_SCALE = 0.1;

    /** The B x B scores of the rows of {@code x} against those of {@code y}; keeps what {@link #backward} needs. */
    abstract INDArray scores(INDArray x, INDArray y);

    /** Gradients of the loss in every parameter (aligned with {@link #params()}) from its gradient in the last scores. */
    abstract INDArray[] backward(INDArray dScores);

    abstract INDArray[] params();

    /** An independent copy of the weights: the best critic so far, the warm start of the next epoch. */
    abstract Critic copy();

    /** Whether this critic takes inputs of these widths. */
    abstract boolean fits(int dx, int dy);

    static Critic create(CriticKind kind, int dx, int dy, int hidden, int hiddenLayers, int embedding, Random rnd) {
        return kind == CriticKind.SEPARABLE
                ? new Separable(new Mlp(Mlp.sizes(dx, hidden, hiddenLayers, embedding + 1), rnd, INITIAL_OUTPUT_SCALE),
                        new Mlp(Mlp.sizes(dy, hidden, hiddenLayers, embedding + 1), rnd, INITIAL_OUTPUT_SCALE))
                : new Concatenated(new Mlp(new int[] {dx, hidden}, rnd), new Mlp(new int[] {dy, hidden}, rnd),
                        new Mlp(Mlp.sizes(hidden, hidden, hiddenLayers - 1, 1), rnd, INITIAL_OUTPUT_SCALE));
    }

    static INDArray[] concat(INDArray[]... parts) {
        int n = 0;
        for (INDArray[] p : parts) {
            n += p.length;
        }
        INDArray[] out = new INDArray[n];
        int at = 0;
        for (INDArray[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /**
     * g(x) . h(y) + a(x) + b(y): each network gives one output more than the embedding, the terms that
     * depend on one side only. Without them the NWJ and Donsker-Varadhan critics, whose optimum is
     * ln p(y|x)/p(y) plus a constant and not a pure product, must spend embedding dimensions on them.
     */
    private static final class Separable extends Critic {
        private final Mlp g;
        private final Mlp h;
        private INDArray gx; // B x (e + 2): [g, a, 1]
        private INDArray hy; // B x (e + 2): [h, 1, b]

        Separable(Mlp g, Mlp h) {
            this.g = g;
            this.h = h;
        }

        @Override
        INDArray scores(INDArray x, INDArray y) {
            INDArray go = g.forward(x);
            INDArray ho = h.forward(y);
            long e = go.columns() - 1;
            INDArray ones = Nd4j.ones(go.dataType(), x.rows(), 1);
            gx = Nd4j.hstack(go, ones);
            hy = Nd4j.hstack(ho.get(NDArrayIndex.all(), NDArrayIndex.interval(0, e)), Nd4j.ones(go.dataType(), y.rows(), 1),
                    ho.get(NDArrayIndex.all(), NDArrayIndex.interval(e, e + 1)));
            return gx.mmul(hy.transpose());
        }

        @Override
        INDArray[] backward(INDArray dScores) {
            INDArray[] grads = new INDArray[g.params().length + h.params().length];
            long e = gx.columns() - 2;
            INDArray dG = dScores.mmul(hy);
            INDArray dH = dScores.transpose().mmul(gx);
            g.backward(dG.get(NDArrayIndex.all(), NDArrayIndex.interval(0, e + 1)).dup(), grads, 0);
            h.backward(Nd4j.hstack(dH.get(NDArrayIndex.all(), NDArrayIndex.interval(0, e)),
                    dH.get(NDArrayIndex.all(), NDArrayIndex.interval(e + 1, e + 2))), grads, g.params().length);
            return grads;
        }

        @Override
        INDArray[] params() {
            return concat(g.params(), h.params());
        }

        @Override
        Critic copy() {
            return new Separable(g.copy(), h.copy());
        }

        @Override
        boolean fits(int dx, int dy) {
            return g.inputs() == dx && h.inputs() == dy;
        }
    }

    private static final class Concatenated extends Critic {
        private final Mlp px;
        private final Mlp py;
        private final Mlp tail;
        private INDArray hidden; // B^2 x hidden, row i * B + j for the pair (x_i, y_j)
        private long b;

        Concatenated(Mlp px, Mlp py, Mlp tail) {
            this.px = px;
            this.py = py;
            this.tail = tail;
        }

        @Override
        INDArray scores(INDArray x, INDArray y) {
            b = x.rows();
            INDArray a = px.forward(x);
            INDArray c = py.forward(y);
            INDArray pairs = a.repeat(0, b).addi(Nd4j.tile(c, (int) b, 1));
            hidden = Transforms.relu(pairs, false);
            return tail.forward(hidden).reshape(b, b);
        }

        @Override
        INDArray[] backward(INDArray dScores) {
            INDArray[] grads = new INDArray[px.params().length + py.params().length + tail.params().length];
            int width = px.outputs();
            INDArray dHidden = tail.backward(dScores.dup().reshape(b * b, 1), grads, px.params().length + py.params().length);
            INDArray dPairs = dHidden.muli(Transforms.sign(hidden, true)).reshape(b, b, width);
            px.backward(dPairs.sum(1), grads, 0);
            py.backward(dPairs.sum(0), grads, px.params().length);
            return grads;
        }

        @Override
        INDArray[] params() {
            return concat(px.params(), py.params(), tail.params());
        }

        @Override
        Critic copy() {
            return new Concatenated(px.copy(), py.copy(), tail.copy());
        }

        @Override
        boolean fits(int dx, int dy) {
            return px.inputs() == dx && py.inputs() == dy;
        }
    }
}
