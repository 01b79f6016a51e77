package org.infolens.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infolens.data.Activations;
import org.infolens.data.Activations.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files keep their precision: float32 .npy as float32, float64 .npy, integer .npy and CSV as float64. */
class Float64FilesTest {

    @TempDir
    Path dir;

    private static final double[][] FINE = {{0.1, 0.5 + 1e-10}, {1.0 / 3, 0.5 + 2e-10}, {-7e-12, 0.5}};

    @Test
    void float64NpyRoundTripsBitForBit() throws IOException {
        Path f = dir.resolve("t.npy");
        Activations a = Activations.ofRowsFloat64(FINE);
        Npy.write(f, a);
        Activations back = MatrixFiles.readMatrix(f);
        assertEquals(Precision.FLOAT64, back.precision());
        assertEquals(a, back);
        assertEquals(0.5 + 1e-10, back.get(0, 1), 0.0);
    }

    @Test
    void float32NpyStaysFloat32() throws IOException {
        Path f = dir.resolve("t.npy");
        Activations a = Activations.ofRows(FINE);
        Npy.write(f, a);
        Activations back = MatrixFiles.readMatrix(f);
        assertEquals(Precision.FLOAT32, back.precision());
        assertEquals(a, back);
        assertEquals(back.get(0, 1), back.get(2, 1), 0.0, "float32 merges levels 1e-10 apart");
    }

    @Test
    void csvIsReadAsFloat64LikeNumpysLoadtxt() throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "0.1,0.5000000001\n0.3333333333333333,0.5000000002\n");
        Activations back = MatrixFiles.readMatrix(f);
        assertEquals(Precision.FLOAT64, back.precision());
        assertEquals(0.5000000001, back.get(0, 1), 0.0);
        assertEquals(0.3333333333333333, back.get(1, 0), 0.0);
    }

    @Test
    void float64ValuesAreNotRoundedImplicitly() {
        Activations a = Activations.ofRowsFloat64(FINE);
        assertThrows(IllegalStateException.class, a::toFloatArray);
        assertEquals(Precision.FLOAT64, a.selectRows(new int[] {2, 0}).precision());
        assertEquals(-7e-12, a.selectRows(new int[] {2, 0}).get(0, 0), 0.0);
        assertEquals(0.5 + 2e-10, a.selectColumns(new int[] {1}).get(1, 0), 0.0);
    }
}
