package org.infolens.experiments.ib12;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.TruncatedNormalDistribution;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.infolens.experiments.TrainingVariant;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The network of Shwartz-Ziv and Tishby (and Saxe et al.): 12-10-7-5-4-3-2, tanh (or another
 * activation) in the hidden layers, softmax output, cross-entropy, weights N(0, 1/fan_in) truncated at
 * two standard deviations, biases 0, Adam; the variant's L2 on the hidden layers' weights.
 */
public final class Ib12Network {

    public static final List<Integer> WIDTHS = List.of(12, 10, 7, 5, 4, 3, 2);

    private Ib12Network() {
    }

    public static MultiLayerNetwork build(TrainingVariant v, double learningRate) {
        return build(v, learningRate, 0);
    }

    /** With {@code quantizeBits} > 0, the hidden tanh layers' outputs are rounded to 2^bits levels ({@link QuantizedTanh}). */
    public static MultiLayerNetwork build(TrainingVariant v, double learningRate, int quantizeBits) {
        IActivation hidden = quantizeBits > 0 ? new QuantizedTanh(quantizeBits) : v.activation().dl4j().getActivationFunction();
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(v.seed())
                .updater(new Adam(learningRate))
                .biasInit(0)
                .list();
        for (int i = 1; i < WIDTHS.size(); i++) {
            int fanIn = WIDTHS.get(i - 1);
            WeightInitDistribution init = new WeightInitDistribution(new TruncatedNormalDistribution(0, 1 / Math.sqrt(fanIn)));
            if (i < WIDTHS.size() - 1) {
                DenseLayer.Builder layer = new DenseLayer.Builder().nIn(fanIn).nOut(WIDTHS.get(i)).activation(hidden).weightInit(init).l2(v.l2());
                list.layer((i == 1 ? layer : v.droppingInputs(layer)).build());
            } else {
                list.layer(v.droppingInputs(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(fanIn).nOut(WIDTHS.get(i))
                        .activation(Activation.SOFTMAX).weightInit(init)).build());
            }
        }
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
