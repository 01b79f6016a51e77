package org.infolens.experiments.ib12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.infolens.experiments.HiddenActivation;
import org.infolens.experiments.TrainingVariant;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class QuantizedTanhTest {

    @Test
    void outputsAreTheNearestOfTwoHundredFiftySixLevels() {
        INDArray x = Nd4j.linspace(-4, 4, 10_001, DataType.DOUBLE);
        double[] q = new QuantizedTanh(8).getActivation(x.dup(), false).toDoubleVector();
        double step = 2.0 / 255;
        assertEquals(2.0 / 255, new QuantizedTanh(8).step(), 1e-15);
        double[] in = x.toDoubleVector();
        for (int i = 0; i < q.length; i++) {
            double k = (q[i] + 1) / step;
            assertEquals(Math.rint(k), k, 1e-6, "on a level");
            assertTrue(Math.abs(q[i] - Math.tanh(in[i])) <= step / 2 + 1e-9, "the nearest level");
        }
        assertEquals(256, Arrays.stream(q).map(v -> Math.rint((v + 1) / step)).distinct().count(), "every level reached over [-4, 4]");
    }

    @Test
    void gradientIsTanhsStraightThroughTheRounding() {
        INDArray pre = Nd4j.linspace(-2, 2, 9, DataType.DOUBLE).reshape(3, 3);
        INDArray eps = Nd4j.ones(DataType.DOUBLE, 3, 3);
        INDArray ours = new QuantizedTanh(8).backprop(pre.dup(), eps.dup()).getFirst();
        INDArray tanh = new ActivationTanH().backprop(pre.dup(), eps.dup()).getFirst();
        assertEquals(tanh, ours);
    }

    @Test
    void aQuantizedNetworkSurvivesDl4jsJson() {
        MultiLayerNetwork net = Ib12Network.build(new TrainingVariant(HiddenActivation.TANH, 0, 0, false, 1), 4e-4, 8);
        String json = net.getLayerWiseConfigurations().toJson();
        assertEquals(net.getLayerWiseConfigurations(), MultiLayerConfiguration.fromJson(json));
        assertTrue(json.contains(QuantizedTanh.class.getName()));
    }
}
