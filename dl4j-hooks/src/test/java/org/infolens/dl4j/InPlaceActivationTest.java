package org.infolens.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.infolens.data.ActivationSnapshot;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J's ActivationLayer applies its function in place in inference mode: the recorded output of the
 * layer before it (batch norm, a dense layer with identity activation) must still be its own output,
 * as feedForwardToLayer (or the graph's forward pass stopped at that vertex) gives it.
 */
class InPlaceActivationTest {

    private static final int ROWS = 40;

    /** Images [N, 1, 6, 6] and two one-hot classes. */
    private static DataSet images() {
        Random rnd = new Random(3);
        float[] x = new float[ROWS * 36];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        float[][] y = new float[ROWS][2];
        for (int i = 0; i < ROWS; i++) {
            y[i][i % 2] = 1;
        }
        return new DataSet(Nd4j.create(x, new long[] {ROWS, 1, 6, 6}), Nd4j.create(y));
    }

    private static NeuralNetConfiguration.Builder base() {
        return new NeuralNetConfiguration.Builder().seed(11).updater(new Adam(0.01)).weightInit(WeightInit.XAVIER);
    }

    /** conv -> batch norm -> relu -> dense(identity) -> tanh -> output. */
    static MultiLayerNetwork mln() {
        MultiLayerConfiguration conf = base().list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(3).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(5).activation(Activation.IDENTITY).build())
                .layer(new ActivationLayer.Builder().activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(6, 6, 1))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** The same block as a graph. */
    static ComputationGraph graph() {
        ComputationGraphConfiguration conf = base().graphBuilder()
                .addInputs("in")
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(3).activation(Activation.IDENTITY).build(), "in")
                .addLayer("bn", new BatchNormalization.Builder().build(), "conv")
                .addLayer("relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), "bn")
                .addLayer("dense", new DenseLayer.Builder().nOut(5).activation(Activation.IDENTITY).build(), "relu")
                .addLayer("tanh", new ActivationLayer.Builder().activation(Activation.TANH).build(), "dense")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build(),
                        "tanh")
                .setOutputs("out")
                .setInputTypes(InputType.convolutional(6, 6, 1))
                .build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return g;
    }

    private static float[] flat(INDArray a) {
        return a.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    @Test
    void multiLayerNetworkRecordsEachLayersOwnOutput() {
        DataSet data = images();
        MultiLayerNetwork net = mln();
        net.fit(data); // batch norm's running statistics move away from (0, 1)
        net.fit(data);
        ActivationSnapshot snap = NetworkCapture.of(net).capture(ProbeSet.of(data), l -> true, 1, 16);
        assertEquals(net.getnLayers(), snap.layers().size());
        for (int i = 0; i < net.getnLayers(); i++) {
            List<INDArray> upTo = net.feedForwardToLayer(i, data.getFeatures(), false);
            assertArrayEquals(flat(upTo.get(upTo.size() - 1)), snap.layers().get(i).values().toFloatArray(), 1e-5f,
                    "layer " + i + " (" + snap.layers().get(i).layer().kind() + ")");
        }
        double bnMin = snap.layers().get(1).values().min();
        double denseMin = snap.layers().get(3).values().min();
        // what DL4J's feedForward hands back for the same layers: the arrays the next layer overwrote
        List<INDArray> inPlace = net.feedForward(data.getFeatures(), false);
        System.out.printf("MLN batch-norm min: recorded %.4f, feedForward %.4f; dense(identity) min: recorded %.4f, feedForward %.4f%n",
                bnMin, inPlace.get(2).minNumber().floatValue(), denseMin, inPlace.get(4).minNumber().floatValue());
        assertTrue(bnMin < 0, "batch norm's output has negative values before the relu: " + bnMin);
        assertTrue(denseMin < -1, "the identity dense layer is not squashed by the tanh after it: " + denseMin);
    }

    @Test
    void computationGraphRecordsEachVertexsOwnOutput() {
        DataSet data = images();
        MultiLayerNetwork net = mln();
        net.fit(data);
        net.fit(data);
        // the same chain as a graph with the trained weights (batch-norm statistics included): vertex i
        // must record what layer i of the network gives, from feedForwardToLayer
        ComputationGraph graph = graph();
        assertEquals(net.numParams(), graph.numParams());
        graph.setParams(net.params().dup());
        ActivationSnapshot snap = NetworkCapture.of(graph).capture(ProbeSet.of(data), l -> true, 1, 16);
        assertEquals(List.of("conv", "bn", "relu", "dense", "tanh", "out"), snap.layers().stream().map(l -> l.layer().name()).toList());
        for (int i = 0; i < net.getnLayers(); i++) {
            List<INDArray> upTo = net.feedForwardToLayer(i, data.getFeatures(), false);
            assertArrayEquals(flat(upTo.get(upTo.size() - 1)), snap.layers().get(i).values().toFloatArray(), 1e-5f,
                    snap.layers().get(i).layer().name());
        }
        double bnMin = snap.layers().get(1).values().min();
        Map<String, INDArray> inPlace = graph.feedForward(data.getFeatures(), false);
        System.out.printf("CG batch-norm min: recorded %.4f, feedForward %.4f%n", bnMin, inPlace.get("bn").minNumber().floatValue());
        assertTrue(bnMin < 0, "batch norm's output has negative values before the relu: " + bnMin);
    }
}
