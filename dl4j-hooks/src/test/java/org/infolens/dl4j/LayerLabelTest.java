package org.infolens.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.trajectory.Json;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Recorded layer metadata: the activation function a layer really applies, and transfer learning's frozen layers. */
class LayerLabelTest {

    private static NeuralNetConfiguration.Builder base() {
        return new NeuralNetConfiguration.Builder().seed(5).updater(new Adam(0.01)).weightInit(WeightInit.XAVIER);
    }

    /** dense(tanh) -> batch norm -> ActivationLayer(relu) -> dropout -> output. */
    private static MultiLayerNetwork mln() {
        MultiLayerConfiguration conf = base().list()
                .layer(new DenseLayer.Builder().nOut(6).activation(Activation.TANH).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new DropoutLayer.Builder(0.5).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(4))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static List<LayerId> recorded(org.deeplearning4j.nn.api.Model net) {
        DataSet data = TestNetworks.data(2);
        return NetworkCapture.of(net).capture(ProbeSet.of(data), l -> true, 1, 100).layers().stream().map(l -> l.layer()).toList();
    }

    private static List<String> activations(List<LayerId> layers) {
        return layers.stream().map(LayerId::activation).toList();
    }

    private static List<Boolean> frozen(List<LayerId> layers) {
        return layers.stream().map(LayerId::frozen).toList();
    }

    @Test
    void batchNormAndDropoutApplyNoActivationAndAnActivationLayerItsOwn() {
        List<LayerId> layers = recorded(mln());
        assertEquals(List.of("tanh", "identity", "relu", "identity", "softmax"), activations(layers));
        assertEquals(List.of(LayerKind.DENSE, LayerKind.BATCH_NORMALIZATION, LayerKind.ACTIVATION, LayerKind.DROPOUT, LayerKind.OUTPUT),
                layers.stream().map(LayerId::kind).toList());
        assertEquals(List.of(false, false, false, false, false), frozen(layers));
    }

    @Test
    void transferLearningsFrozenLayersAreMarkedWithTheirOwnKindAndActivation() throws Exception {
        MultiLayerNetwork net = mln();
        net.fit(TestNetworks.data(1));
        MultiLayerNetwork tuned = new TransferLearning.Builder(net).setFeatureExtractor(1).build(); // layers 0 and 1 become FrozenLayer
        List<LayerId> layers = recorded(tuned);
        assertEquals(List.of(true, true, false, false, false), frozen(layers));
        assertEquals(List.of("tanh", "identity", "relu", "identity", "softmax"), activations(layers));
        assertEquals(LayerKind.DENSE, layers.get(0).kind());
        assertEquals(LayerKind.BATCH_NORMALIZATION, layers.get(1).kind());
        // run.json and trajectory records write the flag only where it is set, and read it back
        String json = Json.mapper().writeValueAsString(layers.get(0));
        assertTrue(json.contains("\"frozen\":true"), json);
        assertEquals(layers.get(0), Json.mapper().readValue(json, LayerId.class));
        assertFalse(Json.mapper().writeValueAsString(layers.get(2)).contains("frozen"));
    }

    @Test
    void frozenWithBackpropInAGraphIsMarked() {
        ComputationGraphConfiguration conf = base().graphBuilder()
                .addInputs("in")
                .addLayer("frozen", new FrozenLayerWithBackprop(new DenseLayer.Builder().nIn(4).nOut(5).activation(Activation.ELU).build()), "in")
                .addLayer("bn", new BatchNormalization.Builder().build(), "frozen")
                .addLayer("act", new ActivationLayer.Builder().activation(Activation.LEAKYRELU).build(), "bn")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build(), "act")
                .setOutputs("out")
                .setInputTypes(InputType.feedForward(4))
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        List<LayerId> layers = recorded(graph);
        // parametrised functions keep their parameters, as DL4J writes them
        assertEquals(List.of("elu(alpha=1.0)", "identity", "leakyrelu(a=0.01)", "softmax"), activations(layers));
        assertEquals(List.of(true, false, false, false), frozen(layers));
        assertEquals(LayerKind.DENSE, layers.get(0).kind());
    }
}
