package org.infolens.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;
import org.infolens.measure.MeasureProvider;
import org.infolens.measure.MeasureSpec;
import org.infolens.measure.ParameterMeasure;
import org.infolens.measure.ParameterMeasureProvider;
import org.infolens.trajectory.Json;
import org.junit.jupiter.api.Test;

/** infolens' own estimators, found through the ServiceLoader like anyone's, against the generic kit. */
class RegisteredEstimatorsTest extends RegisteredEstimatorsContract {

    /** The two trained estimators, trained for a few epochs. */
    @Override
    protected Map<String, Object> quicker(MeasureProvider p) {
        return switch (p.name()) {
            case "lossy" -> Map.of("autoencoderEpochs", 5);
            case "effective-features" -> Map.of("maxEpochs", 15);
            case "infonce", "nwj", "mine", "smile", "neural-plane" -> Map.of("maxEpochs", 3);
            case "lmi" -> Map.of("epochs", 3);
            default -> Map.of();
        };
    }

    @Test
    void everyFamilyOfInfolensIsRegistered() {
        assertEquals(List.of("binning", "kde", "ksg", "kl-entropy", "ross", "lossy", "infonce", "nwj", "mine", "smile", "lmi", "neural-plane", "dse", "dsmi", "effective-rank", "participation-ratio",
                "twonn", "effective-features"), EstimatorCatalog.names());
        assertEquals(List.of("weight-condition", "gradient-snr"), EstimatorCatalog.parameterMeasures().stream()
                .map(ParameterMeasureProvider::name).toList());
    }

    @Test
    void parameterMeasuresReplayFromTheirParameters() throws JsonProcessingException {
        for (ParameterMeasureProvider p : EstimatorCatalog.parameterMeasures()) {
            ParameterMeasure m = p.create(Map.of());
            String json = Json.mapper().writeValueAsString(new MeasureSpec(m.name(), m.parameters()));
            ParameterMeasure replay = EstimatorCatalog.parameterMeasure(Json.mapper().readValue(json, MeasureSpec.class));
            assertEquals(m.label(), replay.label());
            assertEquals(m.parameters(), replay.parameters());
            assertTrue(replay.getClass() == m.getClass(), m.name());
        }
    }
}
