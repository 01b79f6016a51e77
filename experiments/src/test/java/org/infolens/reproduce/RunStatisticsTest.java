package org.infolens.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.measure.Unit;
import org.infolens.trajectory.JsonLinesTrajectoryWriter;
import org.infolens.trajectory.RecordStatus;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-seed statistics on trajectories whose curves are known. */
class RunStatisticsTest {

    @TempDir
    Path dir;

    private static final int[] EPOCHS = {0, 1, 2, 4, 8, 16, 32};
    private static final LayerId HIDDEN = new LayerId(0, "hidden", 3, LayerKind.DENSE, "tanh");
    private static final LayerId OUTPUT = new LayerId(1, "out", 2, LayerKind.OUTPUT, "softmax");

    /** I(X;T) of the hidden layer rises to 5 bits at epoch 4, then falls to 3; the output layer's is 1 bit lower; SNR as given. */
    private SeedRuns seed(IntToDoubleFunction snr) throws IOException {
        Path run = dir.resolve("run");
        try (JsonLinesTrajectoryWriter w = JsonLinesTrajectoryWriter.append(run.resolve("trajectory.jsonl"))) {
            for (int epoch : EPOCHS) {
                double ixt = epoch <= 4 ? 2 + 0.75 * epoch : 5 - (Math.log(epoch / 4.0) / Math.log(8)) * 2;
                for (LayerId layer : new LayerId[] {HIDDEN, OUTPUT}) {
                    double v = layer == HIDDEN ? ixt : ixt - 1;
                    w.accept(new TrajectoryRecord(TrajectoryRecord.SCHEMA, "run", epoch, epoch, layer, "binning", "binning/fixed-range-30",
                            Map.of(), Map.of(), 100, RecordStatus.OK, Map.of("I_XT", v, "I_TY", 0.25 * v), Map.of("I_XT", Unit.BITS, "I_TY",
                            Unit.BITS), Map.of(), Map.of("H_Y", 1.0), null, 0.01, Instant.EPOCH));
                }
                if (epoch > 0) {
                    w.accept(new TrajectoryRecord(TrajectoryRecord.SCHEMA, "run", epoch, epoch, HIDDEN, "gradient-snr", "gradient-snr", Map.of(),
                            Map.of(), 100, RecordStatus.OK, Map.of("snr", snr.applyAsDouble(epoch)), Map.of("snr", Unit.NUMBER), Map.of(), Map.of(),
                            null, 0.01, Instant.EPOCH));
                }
            }
        }
        return new SeedRuns(1, Map.of("r", run));
    }

    private static final Curve HIDDEN_IXT = new Curve("r", "binning/fixed-range", "I_XT", Layer.LAST_HIDDEN);

    @Test
    void fallChangeAndShareOfLabelEntropy() throws IOException {
        SeedRuns s = seed(e -> 1);
        assertEquals(2.0, RunStatistics.fall(HIDDEN_IXT).of(s), 1e-12, "peak 5 at epoch 4, 3 at the end");
        assertEquals(1.0, RunStatistics.change(HIDDEN_IXT).of(s), 1e-12, "2 before training, 3 at the end");
        assertEquals(2.0, RunStatistics.fall(new Curve("r", "binning/fixed-range", "I_XT", Layer.OUTPUT)).of(s), 1e-12);
        assertEquals(0.75, RunStatistics.finalShareOfLabelEntropy(new Curve("r", "binning/fixed-range", "I_TY", Layer.LAST_HIDDEN)).of(s),
                1e-12, "I(T;Y) = 3/4 bit at the end, H(Y) = 1");
        assertEquals(-2.0, RunStatistics.changeAfterPeak(new Curve("r", "binning/fixed-range", "I_XT", Layer.OUTPUT), HIDDEN_IXT).of(s), 1e-12,
                "from 4 at the hidden layer's peak to 2");
        assertEquals(0.0, RunStatistics.binningDisagreement("r", "binning/fixed-range", "binning/fixed-range").of(s), 0);
    }

    @Test
    void snrPhasesAroundTheCompressionOnset() throws IOException {
        // drift (SNR 10) before the peak at epoch 4, diffusion (SNR 0.1) from it on: both sides one decade from 1
        assertEquals(1.0, RunStatistics.snrPhases(new Curve("r", "gradient-snr", "snr", Layer.LAST_HIDDEN), HIDDEN_IXT)
                .of(seed(e -> e < 4 ? 10 : 0.1)), 1e-12);
        // below 1 from the start: no drift phase, negative
        double none = RunStatistics.snrPhases(new Curve("r", "gradient-snr", "snr", Layer.LAST_HIDDEN), HIDDEN_IXT).of(seed(e -> 0.5));
        assertEquals(Math.log10(0.5), none, 1e-12);
        assertTrue(none < 0);
    }
}
