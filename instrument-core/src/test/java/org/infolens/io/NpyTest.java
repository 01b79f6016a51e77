package org.infolens.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infolens.data.Activations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

    @TempDir
    Path dir;

    /** A .npy file the way numpy lays it out: magic, version 1.0, little-endian header length, dict. */
    private static byte[] npy(String descr, boolean fortran, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xFF);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** Reading streams: a float32 file costs its values' array and a buffer, not ~4x the file (bytes, doubles, floats). */
    @Test
    void readingAFloat32FileAllocatesAboutItsOwnSize() throws IOException {
        int rows = 50_000;
        int columns = 20;
        float[] v = new float[rows * columns];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(i * 0.37);
        }
        Path f = dir.resolve("big.npy");
        Npy.write(f, Activations.wrap(v, rows, columns));
        long size = Files.size(f);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        Npy.readActivations(f); // warm up: classes, regex
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        Activations a = Npy.readActivations(f);
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(allocated < 1.2 * size, "reading a " + size + "-byte file allocated " + allocated + " bytes");
        assertEquals(rows, a.rows());
        assertEquals(v[v.length - 1], (float) a.get(rows - 1, columns - 1));
        assertEquals(v[12_345], (float) a.get(12_345 / columns, 12_345 % columns));
    }

    @Test
    void floatMatrixRoundTrips() throws IOException {
        Activations a = Activations.wrap(new float[] {1f, -2.5f, 3f, Float.MIN_VALUE, 0f, 7f}, 2, 3);
        Path f = dir.resolve("a.npy");
        Npy.write(f, a);
        assertEquals(0, (Files.size(f) - 6 * 4) % 64, "data aligned to 64 bytes as numpy does");
        assertEquals(a, Npy.readActivations(f));
    }

    @Test
    void readsBigEndianDoublesInFortranOrder() throws IOException {
        // the 2 x 3 matrix [[1, 2, 3], [4, 5, 6]] stored column by column, big-endian float64
        ByteBuffer b = ByteBuffer.allocate(48).order(ByteOrder.BIG_ENDIAN);
        for (double v : new double[] {1, 4, 2, 5, 3, 6}) {
            b.putDouble(v);
        }
        Path f = dir.resolve("f.npy");
        Files.write(f, npy(">f8", true, "(2, 3)", b.array()));
        NpyArray a = Npy.read(f);
        assertArrayEquals(new long[] {2, 3}, a.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, a.values());
    }

    @Test
    void readsUint8AndInt64Labels() throws IOException {
        Path u8 = dir.resolve("u.npy");
        Files.write(u8, npy("|u1", false, "(4,)", new byte[] {0, 1, (byte) 255, 1}));
        assertArrayEquals(new int[] {0, 1, 255, 1}, MatrixFiles.readLabels(u8));
        Path i8 = dir.resolve("i.npy");
        Npy.write(i8, new int[] {3, 0, 9});
        assertArrayEquals(new int[] {3, 0, 9}, MatrixFiles.readLabels(i8));
    }

    @Test
    void badFilesGiveMessagesNamingFileAndProblem() throws IOException {
        Path notNpy = dir.resolve("x.npy");
        Files.writeString(notNpy, "hello world, not numpy");
        IOException e1 = assertThrows(IOException.class, () -> Npy.read(notNpy));
        assertTrue(e1.getMessage().contains("x.npy") && e1.getMessage().contains("magic"), e1.getMessage());

        Path truncated = dir.resolve("t.npy");
        Files.write(truncated, npy("<f4", false, "(10, 10)", new byte[12]));
        IOException e2 = assertThrows(IOException.class, () -> Npy.read(truncated));
        assertTrue(e2.getMessage().contains("truncated"), e2.getMessage());

        Path strings = dir.resolve("s.npy");
        Files.write(strings, npy("<U3", false, "(2,)", new byte[24]));
        IOException e3 = assertThrows(IOException.class, () -> Npy.read(strings));
        assertTrue(e3.getMessage().contains("dtype"), e3.getMessage());

        Path fractional = dir.resolve("y.csv");
        Files.writeString(fractional, "0\n1.5\n");
        IOException e4 = assertThrows(IOException.class, () -> MatrixFiles.readLabels(fractional));
        assertTrue(e4.getMessage().contains("label 1"), e4.getMessage());

        Path ragged = dir.resolve("r.csv");
        Files.writeString(ragged, "a,b\n1,2\n3\n");
        IOException e5 = assertThrows(IOException.class, () -> MatrixFiles.readMatrix(ragged));
        assertTrue(e5.getMessage().contains("line 3"), e5.getMessage());

        IOException e6 = assertThrows(IOException.class, () -> MatrixFiles.readMatrix(dir.resolve("none.csv")));
        assertTrue(e6.getMessage().contains("none.csv"), e6.getMessage());
    }

    @Test
    void csvWithHeaderReadsAsAMatrix() throws IOException {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, "x0,x1\n0.5, 1\n-2,3e-1\n");
        assertEquals(Activations.wrap(new double[] {0.5, 1, -2, 0.3}, 2, 2), MatrixFiles.readMatrix(f)); // float64, as loadtxt
    }
}
