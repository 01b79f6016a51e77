package org.infolens.experiments.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.infolens.experiments.ExperimentCatalog;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunProvenance;
import org.infolens.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The toy sweep's directory is a run directory like any other: run.json says what ran and that it finished. */
class ToySuperpositionCommandTest {

    @TempDir
    Path dir;

    @Test
    void aToySweepSaysInRunJsonThatItFinishedAndCanBeReplaced() throws IOException {
        Path out = dir.resolve("toy-superposition-s3");
        List<String> args = List.of("--sparsities", "2", "--steps", "30", "--sae", "rows=300", "--seed", "3");
        ExperimentCatalog.launch(ToySuperposition.NAME, args, out);

        RunProvenance p = new RunDirectory(out).readProvenance();
        assertEquals(RunStatus.FINISHED, p.status()); // what a sweep task and reproduce --master wait for
        assertEquals("toy-superposition-s3", p.name());
        assertEquals(Map.of("toy", 3L), p.seeds());
        assertEquals(2, p.settings().get("models"));
        assertEquals(30, p.settings().get("steps"));
        assertEquals(8, p.settings().get("dictionaryRatio"));
        assertEquals(1, p.measures().size());
        assertEquals(300, ((Map<?, ?>) p.measures().get(0).get("params")).get("rows"));
        Map<?, ?> sweep = (Map<?, ?>) p.summary().values().iterator().next();
        assertEquals(2, sweep.get("models"));
        assertTrue(Files.isRegularFile(out.resolve("table.csv")));

        // reproduce's in-process runner adds --overwrite for a directory left there: a finished toy run is a run, so it is replaced
        ExperimentCatalog.launch(ToySuperposition.NAME, List.of("--sparsities", "2", "--steps", "30", "--sae", "rows=300", "--seed", "4",
                "--overwrite"), out);
        assertEquals(Map.of("toy", 4L), new RunDirectory(out).readProvenance().seeds());
    }

    /** run.json's summary and table.csv name each autoencoder by its label: two that share one would overwrite each other. */
    @Test
    void autoencodersThatCannotBeToldApartAreRefusedBeforeAnyWork() {
        Path out = dir.resolve("toy-twins");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExperimentCatalog.launch(ToySuperposition.NAME,
                List.of("--sparsities", "2", "--steps", "30", "--sae", "rows=300,maxEpochs=10", "--sae", "rows=300,maxEpochs=10,batch=64"), out));
        assertTrue(e.getMessage().contains("effective-features/x8-l0.1-n300-e10"), e.getMessage());
        assertFalse(Files.exists(out));
    }
}
