package org.infolens.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.infolens.cli.InfolensCli;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureSpec;
import org.infolens.trajectory.Json;
import org.infolens.trajectory.TrainingRecord;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A small 12-bit run through the command line ({@code run ib12}: 30 epochs, 8 log-spaced points, the
 * default binning measures plus kde (one through a random projection), ksg on a row subset, dse,
 * dsmi and effective rank, training records), against
 * {@code golden/ib12/trajectory.jsonl} and {@code golden/ib12/run.json}: every recorded value, every
 * parameter and the provenance, but for times, durations and the machine; and every record's parameters
 * rebuild its measure.
 */
class GoldenRunTest {

    /** Fields that change from run to run or machine to machine by nature. */
    static final Set<String> VOLATILE = Set.of("time", "seconds", "startedAt", "finishedAt", "environment", "infolens",
            "measureSeconds", "captureSeconds", "trainingSeconds", "maxQueued", "eigenvalues");

    @TempDir
    Path dir;

    @Test
    void aSmallTwelveBitRunRecordsItsGoldenValues() throws IOException {
        Path out = dir.resolve("ib12-golden");
        String[] args = {"run", "ib12", "--epochs", "30", "--points", "8", "--quiet", "--out", out.toString(),
            "--measure", "binning:edges=fixed-range", "--measure", "binning:edges=adaptive",
            "--measure", "kde", "--measure", "kde:bound=lower,maxWidth=3,projectionSeed=2", "--measure", "ksg:probeRows=1000,probeSeed=3",
            "--measure", "dse:maxN=400", "--measure", "dsmi:probeRows=600", "--measure", "effective-rank"};
        StringWriter stderr = new StringWriter();
        CommandLine cl = InfolensCli.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(stderr, true));
        assertEquals(0, cl.execute(args), stderr.toString());

        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("trajectory.jsonl"))) {
            records.add(Json.mapper().readTree(line));
        }
        GoldenFiles.check("ib12/trajectory.jsonl", records, VOLATILE);
        GoldenFiles.check("ib12/run.json", List.of(Json.mapper().readTree(out.resolve("run.json").toFile())), VOLATILE);
        recordsReplay(out);
    }

    /** Every estimate record's measure and params, as read back, rebuild its measure: same label, same parameters. */
    private static void recordsReplay(Path run) throws IOException {
        for (TrajectoryRecord r : TrajectoryReader.read(run.resolve("trajectory.jsonl")).records()) {
            if (!r.measure().equals(TrainingRecord.MEASURE)) {
                Measure m = EstimatorCatalog.create(new MeasureSpec(r.measure(), r.params()));
                assertEquals(r.label(), m.label());
                assertEquals(Json.mapper().writeValueAsString(r.params()), Json.mapper().writeValueAsString(m.parameters()), r.label());
            }
        }
    }
}
