package org.infolens.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.infolens.trajectory.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claims run end to end on real, short 12-bit runs: a run two claims share is made once per seed, an
 * exact claim holds on the 8-bit quantized network, a claim with too few seeds is inconclusive but
 * has its statistic, a claim whose dataset is missing is not run (the message names the dataset and
 * where to put it) while the others are judged, and a second invocation reuses the finished runs.
 */
class ReproductionTest {

    @TempDir
    Path dir;

    private static final RunSpec QUANTIZED = RunSpec.of("tiny-8bit", "ib12", "--quantize", "8", "--epochs", "12", "--points", "6", "--quiet",
            "--measure", "binning:edges=fixed-width,binSize=0.00390625", "--measure", "binning:edges=fixed-width,binSize=0.001953125");

    @Test
    void claimsShareRunsAndAMissingDatasetStopsOnlyItsClaim() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("no-fashion-here"));
        Curve output = new Curve("q", BundledClaims.FINE, "I_XT", Layer.OUTPUT);
        List<Claim> claims = List.of(
                Claim.builder("tiny-exact").citation("test").statement("binning of an 8-bit network is exact").paper("exact")
                        .run("q", QUANTIZED).test(new ExactTest(RunStatistics.binningDisagreement("q", BundledClaims.FINE, BundledClaims.FINER), 1e-9))
                        .build(),
                Claim.builder("tiny-fall").citation("test").statement("the output layer compresses").paper("falls").run("q", QUANTIZED)
                        .test(ShiftTest.signedRank(RunStatistics.fall(output), Direction.GREATER, 0.1)).curve(output).build(),
                Claim.builder("tiny-requires").citation("test").statement("counts only seeds above an impossible accuracy").paper("falls")
                        .run("q", QUANTIZED).test(ShiftTest.signedRank(RunStatistics.fall(output), Direction.GREATER, 0.1))
                        .requires(RunStatistics.result("q", "trainAccuracy"), 2).build(),
                Claim.builder("needs-fashion").citation("test").statement("needs Fashion-MNIST").paper("-")
                        .run("f", RunSpec.of("tiny-fashion", "fashion-mlp", "--data", empty.toString(), "--epochs", "1", "--quiet"))
                        .test(ShiftTest.signedRank(RunStatistics.change(new Curve("f", "dse", "DSE", Layer.LAST_HIDDEN)), Direction.GREATER, 0))
                        .build());
        Path out = dir.resolve("out");
        Reproduction.Settings settings = new Reproduction.Settings(claims, List.of(1L, 2L), false, out, new InProcessRunner());
        StringWriter log = new StringWriter();
        Reproduction.Outcome o = Reproduction.run(settings, new PrintWriter(log, true));

        Evaluation exact = o.results().get(0).evaluation();
        assertEquals(Verdict.REPRODUCED, exact.verdict(), exact.reason());
        assertEquals(2, exact.n());
        assertEquals(0.0, exact.estimate(), 1e-12, "each 8-bit level in its own bin at both widths");

        Evaluation fall = o.results().get(1).evaluation();
        assertEquals(Verdict.INCONCLUSIVE, fall.verdict(), "2 seeds cannot reach p < 0.05");
        assertEquals(2, fall.n());
        assertTrue(Double.isFinite(fall.estimate()) && Double.isFinite(fall.pValue()), "the statistic and its p-value are still there");

        Reproduction.Result required = o.results().get(2);
        assertEquals(Verdict.INCONCLUSIVE, required.evaluation().verdict());
        assertEquals(0, required.evaluation().n());
        assertEquals(List.of(1L, 2L), List.copyOf(required.excluded().keySet()), "both seeds fail trainAccuracy >= 2");
        assertTrue(required.evaluation().reason().contains("left out"), required.evaluation().reason());

        Evaluation missing = o.results().get(3).evaluation();
        assertEquals(Verdict.NOT_RUN, missing.verdict());
        assertTrue(missing.reason().contains("fashion-mnist") && missing.reason().contains("t10k-images-idx3-ubyte"), missing.reason());
        assertTrue(log.toString().contains("fashion-mnist"), log.toString());

        // the shared run was made once per seed
        try (var listing = Files.list(out)) {
            assertEquals(List.of("reproduce", "tiny-8bit-s1", "tiny-8bit-s2"), listing.map(p -> p.getFileName().toString()).sorted().toList());
        }
        JsonNode json = Json.mapper().readTree(o.claimsJson().toFile());
        assertEquals(4, json.get("claims").size());
        assertEquals("not run", json.get("claims").get(3).get("verdict").asText());
        assertEquals(2, json.get("claims").get(2).get("excludedSeeds").size());
        assertEquals(2, json.get("claims").get(1).get("seeds").size());
        String html = Files.readString(o.report());
        assertTrue(html.contains("tiny-exact") && html.contains("needs-fashion") && html.contains("data:image/png;base64,"));
        assertTrue(Files.isRegularFile(out.resolve("reproduce/figures/claim-tiny-fall.png")));

        // again: the finished runs are read, not made again
        FileTime before = Files.getLastModifiedTime(out.resolve("tiny-8bit-s1/run.json"));
        Reproduction.Outcome again = Reproduction.run(new Reproduction.Settings(claims.subList(0, 2), List.of(1L, 2L), false, out,
                new InProcessRunner()), new PrintWriter(new StringWriter(), true));
        assertEquals(before, Files.getLastModifiedTime(out.resolve("tiny-8bit-s1/run.json")));
        assertEquals(exact, again.results().get(0).evaluation());
    }
}
