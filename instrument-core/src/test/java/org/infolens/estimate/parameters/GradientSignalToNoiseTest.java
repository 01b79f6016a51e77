package org.infolens.estimate.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.infolens.data.GradientMoments;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.data.LayerParameters;
import org.infolens.measure.Estimate;
import org.junit.jupiter.api.Test;

class GradientSignalToNoiseTest {

    private static final LayerId LAYER = new LayerId(1, "hidden", 4, LayerKind.DENSE, "relu");

    @Test
    void ratioOfTheNormsWithTheIterationsInTheDetails() {
        Estimate e = new GradientSignalToNoise().estimate(new LayerParameters(LAYER, null, new GradientMoments(12, 3, 0.5)));
        assertEquals(6, e.value("snr"), 1e-15);
        assertEquals(3, e.value("meanNorm"));
        assertEquals(0.5, e.value("stdNorm"));
        assertEquals(12, e.details().get("iterations"));
    }

    @Test
    void gradientsWithoutNoiseOrNotFiniteAreErrorsAndEpochsWithoutGradientsAreSkipped() {
        GradientSignalToNoise snr = new GradientSignalToNoise();
        IllegalArgumentException constant = assertThrows(IllegalArgumentException.class,
                () -> snr.estimate(new LayerParameters(LAYER, null, new GradientMoments(1, 2, 0))));
        assertTrue(constant.getMessage().contains("do not vary"), constant.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> snr.estimate(new LayerParameters(LAYER, null, new GradientMoments(5, Double.NaN, Double.NaN))));
        assertTrue(nan.getMessage().contains("not finite"), nan.getMessage());
        assertFalse(snr.appliesTo(new LayerParameters(LAYER, null, null)));
    }
}
