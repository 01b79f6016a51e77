package org.infolens.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.infolens.data.Activations;
import org.infolens.data.ActivationSnapshot;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A DOUBLE network is recorded in float64: every recorded value equals the network's own output. */
class DoubleNetworkTest {

    @Test
    void doubleNetworkActivationsAreRecordedWithoutRounding() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
                .weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(6).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(6).nOut(3).activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        int rows = 40;
        Random rnd = new Random(8);
        double[] x = new double[rows * 4];
        int[] y = new int[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian() * (1 + 1e-9 * i); // inputs that float32 would round
        }
        for (int i = 0; i < rows; i++) {
            y[i] = i % 3;
        }
        INDArray features = Nd4j.create(x, new long[] {rows, 4}, DataType.DOUBLE);
        ProbeSet probe = ProbeSet.of(features, y);
        ActivationSnapshot snap = NetworkCapture.of(net).capture(probe, layer -> true, 0, 16);
        List<INDArray> expected = net.feedForward(features, false);
        assertEquals(Activations.Precision.FLOAT64, probe.labels().inputs().orElseThrow().precision());
        assertEquals(x[5], probe.labels().inputs().orElseThrow().getFlat(5), 0.0);
        for (int l = 0; l < snap.layers().size(); l++) {
            Activations recorded = snap.layers().get(l).values();
            assertEquals(Activations.Precision.FLOAT64, recorded.precision(), "layer " + l);
            double[] own = expected.get(l + 1).dup('c').data().asDouble();
            for (int i = 0; i < own.length; i++) {
                assertEquals(own[i], recorded.getFlat(i), 0.0, "layer " + l + ", value " + i);
            }
        }
    }
}
