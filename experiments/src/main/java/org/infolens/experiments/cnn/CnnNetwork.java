package org.infolens.experiments.cnn;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.infolens.experiments.ImageOptions;
import org.infolens.experiments.data.Cifar10Binary;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A small CIFAR-10 CNN: two conv-pool blocks (3x3 convolutions, 32 then 64 channels, same padding;
 * 2x2 max pooling) then a 256-unit dense layer and the softmax output; the hidden activation and L2
 * of the variant on every weighted layer but the output; Xavier weights. Flat 3,072-pixel rows in
 * (channel first), reshaped by DL4J's input preprocessor. Recorded widths: 32,768, 8,192, 16,384,
 * 4,096, 256, 10.
 */
public final class CnnNetwork {

    public static final String DESCRIPTION = "conv3x3x32-maxpool2-conv3x3x64-maxpool2-dense256-softmax10";

    private CnnNetwork() {
    }

    public static MultiLayerNetwork build(ImageOptions o) {
        IUpdater updater = o.optimizer().equals("adam") ? new Adam(o.learningRate()) : new Sgd(o.learningRate());
        Activation hidden = o.variant().activation().dl4j();
        double l2 = o.variant().l2();
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(o.variant().seed())
                .updater(updater)
                .weightInit(WeightInit.XAVIER)
                .biasInit(0)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(hidden).l2(l2).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(o.variant().droppingInputs(new ConvolutionLayer.Builder(3, 3).nOut(64).activation(hidden).l2(l2)).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(o.variant().droppingInputs(new DenseLayer.Builder().nOut(256).activation(hidden).l2(l2)).build())
                .layer(o.variant().droppingInputs(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(Cifar10Binary.CLASSES)
                        .activation(Activation.SOFTMAX)).build())
                .setInputType(InputType.convolutionalFlat(Cifar10Binary.SIDE, Cifar10Binary.SIDE, Cifar10Binary.CHANNELS))
                .build());
        net.init();
        return net;
    }
}
