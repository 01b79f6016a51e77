package org.infolens.experiments;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Integer class labels to and from a DL4J classifier. */
public final class Classification {

    private Classification() {
    }

    /** labels.length x classes, row-major float32. */
    public static INDArray oneHot(int[] labels, int classes) {
        float[] v = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            v[i * classes + labels[i]] = 1;
        }
        return Nd4j.create(v, new long[] {labels.length, classes}, 'c');
    }

    /** Share of rows of x whose arg-max output is the label. */
    public static double accuracy(MultiLayerNetwork net, INDArray x, int[] labels) {
        INDArray predicted = net.output(x, false).argMax(1);
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += predicted.getInt(i) == labels[i] ? 1 : 0;
        }
        return (double) right / labels.length;
    }
}
