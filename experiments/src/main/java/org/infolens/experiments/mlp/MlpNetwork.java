package org.infolens.experiments.mlp;

import org.infolens.experiments.ImageOptions;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Saxe et al.'s MNIST network: 784-1024-20-20-20-10, the chosen hidden activation, softmax output,
 * cross-entropy, Xavier weights, biases 0; L2 on every layer's weights but the output layer's.
 */
public final class MlpNetwork {

    public static final List<Integer> WIDTHS = List.of(784, 1024, 20, 20, 20, 10);

    private MlpNetwork() {
    }

    public static MultiLayerNetwork build(ImageOptions o) {
        IUpdater updater = o.optimizer().equals("adam") ? new Adam(o.learningRate()) : new Sgd(o.learningRate());
        Activation hidden = o.variant().activation().dl4j();
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(o.variant().seed()).updater(updater)
                .weightInit(WeightInit.XAVIER).biasInit(0).list();
        for (int i = 1; i < WIDTHS.size() - 1; i++) {
            DenseLayer.Builder layer = new DenseLayer.Builder().nIn(WIDTHS.get(i - 1)).nOut(WIDTHS.get(i)).activation(hidden).l2(o.variant().l2());
            list.layer((i == 1 ? layer : o.variant().droppingInputs(layer)).build());
        }
        int last = WIDTHS.size() - 1;
        list.layer(o.variant().droppingInputs(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(WIDTHS.get(last - 1))
                .nOut(WIDTHS.get(last)).activation(Activation.SOFTMAX)).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }
}
