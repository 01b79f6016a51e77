package org.infolens.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.infolens.data.ActivationSnapshot;
import org.infolens.data.Activations;
import org.infolens.data.LayerActivations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.data.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivationStoreTest {

    @TempDir
    Path dir;

    /** Value (row, column) = 1000 * row + column, so a kept cell tells where it came from. */
    private static ActivationSnapshot snapshot(int epoch, int rows) {
        float[] wide = new float[rows * 50];
        float[] narrow = new float[rows * 3];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < 50; c++) {
                wide[r * 50 + c] = 1000 * r + c;
            }
            for (int c = 0; c < 3; c++) {
                narrow[r * 3 + c] = 1000 * r + c;
            }
        }
        return new ActivationSnapshot(epoch, epoch * 10L, List.of(
                new LayerActivations(new LayerId(1, "conv", 50, LayerKind.CONVOLUTION, "relu", 5), Activations.wrap(wide, rows, 50)),
                new LayerActivations(new LayerId(2, "out", 3, LayerKind.OUTPUT, "softmax"), Activations.wrap(narrow, rows, 3))));
    }

    @Test
    void aSubsetOfRowsAndColumnsIsTheSameAtEveryEpochAndSaysWhereItCameFrom() throws IOException {
        int[] labels = new int[40];
        for (int i = 0; i < 40; i++) {
            labels[i] = i % 4;
        }
        ActivationStore store = ActivationStore.in(dir, new ActivationDumps(10, 8, 3));
        assertFalse(store.complete());
        float[] x = new float[40 * 2];
        for (int i = 0; i < 40; i++) {
            x[2 * i] = i;
        }
        store.putProbe(Probe.of(labels).withInputs(Activations.wrap(x, 40, 2)));
        assertEquals(4L * 10 * (8 + 3), store.bytesPerEpoch(snapshot(0, 40)));
        store.put(snapshot(0, 40));
        store.put(snapshot(5, 40));
        List<Path> epochs = store.storedEpochs();
        assertEquals(2, epochs.size());
        ActivationSnapshot a = ActivationStore.load(epochs.get(0));
        ActivationSnapshot b = ActivationStore.load(epochs.get(1));
        assertEquals(10, a.rows());
        assertEquals(8, a.layers().get(0).layer().width());
        assertEquals(0, a.layers().get(0).layer().channels(), "a column subset has no spatial layout");
        assertEquals(3, a.layers().get(1).layer().width(), "narrow layers keep every column");
        assertEquals(a.layers().get(0).values(), b.layers().get(0).values(), "same rows and columns at every epoch");
        int[] rows = MatrixFiles.readLabels(dir.resolve("probe-rows.npy"));
        int[] cols = MatrixFiles.readLabels(epochs.get(0).resolve("layer-01-conv.columns.npy"));
        assertEquals(10, rows.length);
        assertEquals(8, cols.length);
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 8; c++) {
                assertEquals(1000f * rows[r] + cols[c], a.layers().get(0).values().get(r, c), 0f);
            }
        }
        Probe p = store.loadProbe();
        assertEquals(10, p.size());
        for (int r = 0; r < 10; r++) {
            assertEquals(rows[r] % 4, p.labels()[r], "the kept rows' labels");
            assertEquals(rows[r], p.inputs().orElseThrow().get(r, 0), 0f, "and inputs, for ksg and lossy offline");
        }
    }

    @Test
    void keepingEverythingWritesAllAndBadLimitsAreRejected() throws IOException {
        ActivationStore store = ActivationStore.in(dir, ActivationDumps.ALL);
        assertTrue(store.complete());
        store.putProbe(Probe.of(new int[] {0, 1, 0, 1, 1}));
        store.put(snapshot(1, 5));
        ActivationSnapshot back = ActivationStore.load(store.storedEpochs().get(0));
        assertEquals(snapshot(1, 5).layers().get(0).values(), back.layers().get(0).values());
        assertArrayEquals(new int[] {0, 1, 0, 1, 1}, store.loadProbe().labels());
        assertThrows(IllegalArgumentException.class, () -> new ActivationDumps(1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ActivationDumps(0, -1, 0));
    }
}
