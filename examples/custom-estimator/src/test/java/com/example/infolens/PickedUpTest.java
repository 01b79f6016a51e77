package com.example.infolens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.infolens.cli.InfolensCli;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.estimate.TestData;
import org.infolens.io.Npy;
import org.infolens.measure.MeasureSpec;
import org.infolens.run.RunDirectory;
import org.infolens.trajectory.Json;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The estimator of this jar, which infolens was not changed for, on infolens' command line:
 * {@code estimate}, and {@code run ib12 --measure}, whose training records through the DL4J listener.
 */
class PickedUpTest {

    @TempDir
    Path dir;

    private static String infolens(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = InfolensCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(0, cl.execute(args), String.join(" ", args) + ": " + err);
        return out.toString();
    }

    @Test
    void estimateTakesItWithItsParametersAndTheSharedOnes() throws IOException {
        TestData.Case c = TestData.gaussianPair(400, TestData.equicorrelated(3, 0.5), 2, 3);
        Path t = dir.resolve("t.npy");
        Npy.write(t, c.t());
        JsonNode out = Json.mapper().readTree(infolens("estimate", "gaussian-entropy", "--activations", t.toString(),
                "--param", "ridge=0.001", "--param", "probeRows=300"));
        assertEquals("gaussian-entropy", out.get("measure").asText());
        assertEquals(0.001, out.get("params").get("ridge").asDouble());
        assertEquals(300, out.get("params").get("probeRows").asInt());
        assertEquals(300, out.get("n").asInt());
        assertTrue(Double.isFinite(out.get("values").get("H_T").asDouble()), out.toString());
    }

    @Test
    void estimateHelpListsItWithItsParameters() {
        String help = infolens("estimate", "--help");
        assertTrue(help.contains("gaussian-entropy: entropy of T under a Gaussian model") && help.contains("ridge: added to the covariance"),
                help);
    }

    @Test
    void aTrainingRunRecordsItOnEveryLayerAndItsRunJsonReplaysIt() throws IOException {
        Path run = dir.resolve("ib12");
        infolens("run", "ib12", "--epochs", "4", "--points", "3", "--quiet", "--out", run.toString(),
                "--measure", "gaussian-entropy:ridge=1e-6");
        List<TrajectoryRecord> records = TrajectoryReader.read(run.resolve("trajectory.jsonl")).records().stream()
                .filter(r -> r.measure().equals(GaussianEntropy.NAME)).toList();
        assertEquals(6, records.stream().map(r -> r.layer().index()).distinct().count(), "every layer of 12-10-7-5-4-3-2");
        records.forEach(r -> assertTrue(r.isOk() && Double.isFinite(r.value("H_T")), r.toString()));
        Map<String, Object> entry = new RunDirectory(run).readProvenance().measures().get(0);
        MeasureSpec spec = new MeasureSpec((String) entry.get("name"), castParams(entry.get("params")));
        assertEquals(Map.of("ridge", 1e-6), EstimatorCatalog.create(spec).parameters());
        assertTrue(Files.exists(run.resolve("figures/measures-vs-epoch.png")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castParams(Object params) {
        return (Map<String, Object>) params;
    }
}
