package org.infolens.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infolens.reproduce.Claim;
import org.infolens.reproduce.Evaluation;
import org.infolens.reproduce.ExactTest;
import org.infolens.reproduce.Reproduction;
import org.infolens.reproduce.RunSpec;
import org.infolens.reproduce.RunStatistics;
import org.infolens.reproduce.Verdict;
import org.infolens.spark.SparkMaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce --master local[2]}: a claim's seeds run as Spark tasks, with the values the in-process
 * runner gives (the 8-bit network's binning is exact in every seed), and a directory left by an earlier,
 * unfinished run of the same name is replaced by the finished run.
 */
class SparkSeedRunnerTest {

    @TempDir
    Path dir;

    private static final String FINE = "binning/fixed-width-0.0039";
    private static final String FINER = "binning/fixed-width-0.0019";
    private static final RunSpec TINY = RunSpec.of("tiny-8bit", "ib12", "--quantize", "8", "--epochs", "12", "--points", "6", "--quiet",
            "--measure", "binning:edges=fixed-width,binSize=0.00390625", "--measure", "binning:edges=fixed-width,binSize=0.001953125");

    @Test
    void aClaimRunsOnLocalSparkAndReplacesAnUnfinishedRun() throws IOException {
        Claim exact = Claim.builder("tiny-exact").citation("test").statement("binning of an 8-bit network is exact").paper("exact")
                .run("q", TINY).test(new ExactTest(RunStatistics.binningDisagreement("q", FINE, FINER), 1e-9)).build();
        Path out = dir.resolve("out");
        Path stale = Files.createDirectories(out.resolve(TINY.directoryName(false, 1)));
        Files.writeString(stale.resolve("left-by-a-killed-run.txt"), "x");
        StringWriter log = new StringWriter();
        PrintWriter w = new PrintWriter(log, true);
        Reproduction.Outcome o = Reproduction.run(new Reproduction.Settings(List.of(exact), List.of(1L, 2L), false, out,
                new SparkSeedRunner(new SparkMaster("local[2]", 2), w)), w);

        Evaluation e = o.results().get(0).evaluation();
        assertEquals(Verdict.REPRODUCED, e.verdict(), e.reason() + "\n" + log);
        assertEquals(2, e.n());
        assertEquals(0.0, e.estimate(), 1e-12);
        assertTrue(SweepTask.finished(out.resolve(TINY.directoryName(false, 1))) && SweepTask.finished(out.resolve(TINY.directoryName(false, 2))));
        assertFalse(Files.exists(stale.resolve("left-by-a-killed-run.txt")), "the unfinished run was replaced");
        try (var listing = Files.list(out)) {
            assertEquals(List.of("reproduce", "tiny-8bit-s1", "tiny-8bit-s2"), listing.map(p -> p.getFileName().toString()).sorted().toList(),
                    "nothing left aside");
        }
    }
}
