package org.infolens.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.infolens.trajectory.Json;
import org.junit.jupiter.api.Test;

class RunStatusTest {

    @Test
    void runJsonWritesLowerCaseAndReadsItBack() throws Exception {
        for (RunStatus s : RunStatus.values()) {
            String json = Json.mapper().writeValueAsString(s);
            assertEquals("\"" + s.name().toLowerCase(java.util.Locale.ROOT) + "\"", json);
            assertEquals(s, Json.mapper().readValue(json, RunStatus.class));
        }
    }

    @Test
    void anUnknownStatusIsNamed() {
        var e = assertThrows(ValueInstantiationException.class, () -> Json.mapper().readValue("\"paused\"", RunStatus.class));
        assertTrue(e.getMessage().contains("unknown run status 'paused'"), e.getMessage());
    }
}
