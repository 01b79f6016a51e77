package org.infolens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.infolens.trajectory.Json;
import org.junit.jupiter.api.Test;

class LayerKindTest {

    @Test
    void classNamesGiveTheKindsRecordsWrite() {
        assertEquals(LayerKind.DENSE, LayerKind.ofClassName("DenseLayer"));
        assertEquals(LayerKind.MERGE, LayerKind.ofClassName("MergeVertex"));
        assertEquals(LayerKind.LSTM, LayerKind.ofClassName("LSTM"));
        assertEquals(LayerKind.BATCH_NORMALIZATION, LayerKind.ofClassName("BatchNormalization"));
        assertEquals(LayerKind.OTHER, LayerKind.ofClassName("Convolution1DLayer"));
        assertEquals(LayerKind.OTHER, LayerKind.ofClassName("Layer"), "a bare suffix keeps its whole name, which has no constant");
    }

    @Test
    void theJsonTextIsTheLowerCaseNameAndUnknownTextsReadAsOther() throws Exception {
        LayerId dense = new LayerId(1, "h", 4, LayerKind.DENSE, "tanh");
        String json = Json.mapper().writeValueAsString(dense);
        assertTrue(json.contains("\"kind\":\"dense\""), json);
        assertEquals(dense, Json.mapper().readValue(json, LayerId.class));
        assertEquals(LayerKind.OTHER, Json.mapper().readValue(json.replace("\"dense\"", "\"graveslstm\""), LayerId.class).kind());
        assertEquals(LayerKind.UNKNOWN, Json.mapper().readValue(json.replace("\"dense\"", "\"\""), LayerId.class).kind());
        assertTrue(Json.mapper().writeValueAsString(LayerId.of(0, 3)).contains("\"kind\":\"\""));
    }

    @Test
    void outputAndLossLayersHoldThePredictions() {
        assertTrue(LayerKind.OUTPUT.isOutput());
        assertTrue(LayerKind.LOSS.isOutput());
        assertTrue(LayerKind.RNN_OUTPUT.isOutput());
        assertFalse(LayerKind.DENSE.isOutput());
        assertFalse(LayerKind.OTHER.isOutput());
    }
}
