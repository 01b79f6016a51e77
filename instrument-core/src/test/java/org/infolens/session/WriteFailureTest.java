package org.infolens.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.infolens.data.ActivationSnapshot;
import org.infolens.data.Probe;
import org.infolens.estimate.binning.BinnedInformation;
import org.infolens.estimate.binning.FixedRangeDiscretizer;
import org.infolens.estimate.parameters.WeightConditionNumber;
import org.infolens.pipeline.PendingSnapshot;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunProvenance;
import org.infolens.run.RunStatus;
import org.infolens.trajectory.TrajectoryRecord;
import org.infolens.trajectory.TrajectorySink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A trajectory write that fails (disk full, file-size limit) stops the recording and fails the run; nothing is lost silently. */
@Timeout(60)
class WriteFailureTest {

    static final int RECORDS_PER_EPOCH = 3; // binning on 2 layers, the first layer's weight condition

    @TempDir
    Path dir;

    /** Accepts {@code k} records, then fails every write as a full disk would. */
    static final class FailingSink implements TrajectorySink {
        final int k;
        final List<TrajectoryRecord> written = new ArrayList<>();
        int attempts;

        FailingSink(int k) {
            this.k = k;
        }

        @Override
        public synchronized void accept(TrajectoryRecord record) {
            attempts++;
            if (written.size() >= k) {
                throw new UncheckedIOException(new java.io.IOException("No space left on device"));
            }
            written.add(record);
        }
    }

    RunSession session(Path out, TrajectorySink sink, boolean stop) {
        return RunSession.builder().measure(new BinnedInformation(FixedRangeDiscretizer.builder().bins(10).build()))
                .parameterMeasure(new WeightConditionNumber()).outputDirectory(out).sink(sink).stopTrainingOnWriteFailure(stop).build();
    }

    /** Submits epochs 0..last, waiting for each to be measured; returns the epoch whose submit threw, or -1. */
    static int train(RunSession session, int last) throws InterruptedException {
        Random rnd = new Random(3);
        float[][] x = new float[RunSessionTest.ROWS][2];
        int[] labels = new int[RunSessionTest.ROWS];
        for (int r = 0; r < x.length; r++) {
            x[r][0] = (float) rnd.nextGaussian();
            x[r][1] = (float) rnd.nextGaussian();
            labels[r] = r % 2;
        }
        for (int epoch = 0; epoch <= last; epoch++) {
            if (!session.admits(epoch)) {
                return epoch;
            }
            ActivationSnapshot s = RunSessionTest.forward(x, labels, epoch);
            try {
                if (!session.started()) {
                    session.start(new RunStart(Probe.of(labels), Map.of(), Map.of("framework", "plain Java"), null, Map.of(), Map.of()), s);
                }
                session.submit(PendingSnapshot.of(s));
            } catch (UncheckedIOException e) {
                return epoch;
            }
            while (session.summary().measured() < epoch + 1) {
                Thread.sleep(5);
            }
        }
        return -1;
    }

    @Test
    void aFailedWriteStopsRecordingFailsTheRunAndCountsWhatWasLost() throws Exception {
        int k = 4; // epoch 1's second record fails
        FailingSink sink = new FailingSink(k);
        Path out = dir.resolve("continue");
        RunSession session = session(out, sink, false);
        assertEquals(-1, train(session, 5), "training goes on when told to");
        session.close();

        assertEquals(k, sink.written.size());
        assertEquals(k + 1, sink.attempts, "no write is tried after the first failure");
        String failure = session.failure();
        assertNotNull(failure);
        assertTrue(failure.contains("No space left on device") && failure.contains("epoch 1"), failure);
        RunProvenance p = new RunDirectory(out).readProvenance();
        assertEquals(RunStatus.FAILED, p.status());
        assertEquals(failure, p.summary().get("failure"));
        // epoch 1: 3 records produced, 2 written before the failure; epochs 2..5 not measured at all
        assertEquals(RECORDS_PER_EPOCH * 2 - k, ((Number) p.summary().get("lostRecords")).intValue());
        assertEquals(4, ((Number) p.summary().get("unrecordedEpochs")).intValue());
        assertEquals(k, ((Number) p.summary().get("okRecords")).intValue(), "only records written are counted ok");
    }

    @Test
    void byDefaultAFailedWriteStopsTrainingAtTheNextEpochWithRunJsonFailed() throws Exception {
        FailingSink sink = new FailingSink(RECORDS_PER_EPOCH); // epoch 1's first record fails
        Path out = dir.resolve("stop");
        RunSession session = RunSession.builder().measure(new BinnedInformation(FixedRangeDiscretizer.builder().bins(10).build()))
                .parameterMeasure(new WeightConditionNumber()).outputDirectory(out).sink(sink).build();
        assertEquals(2, train(session, 5), "the epoch after the failed write stops training");
        assertEquals(RunStatus.FAILED, new RunDirectory(out).readProvenance().status(), "closed before training stopped");
        assertNotNull(session.failure());
        session.close(); // idempotent
    }
}
