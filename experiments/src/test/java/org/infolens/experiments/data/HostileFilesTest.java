package org.infolens.experiments.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.infolens.io.MatrixFiles;
import org.infolens.io.Npy;
import org.infolens.io.NpyArray;
import org.infolens.trajectory.TrajectoryReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and odd input files: every malformed one is a one-line error naming the file (IOException or
 * IllegalArgumentException: exit 2 on the command line), never another exception and never an
 * allocation the file's size does not justify; odd but valid files (numpy's nan, a byte-order mark,
 * uint64 above 2^63) are read as written.
 */
@Timeout(120)
class HostileFilesTest {

    /** Bytes one malformed file may make the reader allocate (the largest file here is under 4 KB). */
    static final long ALLOCATION_BOUND = 16L << 20;

    @TempDir
    Path dir;

    interface Reader {
        void read(Path file) throws Exception;
    }

    @Test
    void aSeededCorpusOfMalformedFilesGivesOneLineErrorsNamingTheFile() throws Exception {
        Random rnd = new Random(15);
        int n = 0;
        for (int i = 0; i < 60; i++) {
            n += expectBadInput(file("bad-" + i + ".npy", malformedNpy(rnd, i)), MatrixFiles::readMatrix);
        }
        for (int i = 0; i < 40; i++) {
            n += expectBadInput(file("bad-" + i + ".csv", malformedCsv(rnd, i)), MatrixFiles::readMatrix);
        }
        for (int i = 0; i < 40; i++) {
            boolean images = i % 2 == 0;
            byte[] b = malformedIdx(rnd, i, images);
            String name = "bad-" + i + (images ? "-images" : "-labels") + "-idx" + (i % 4 < 2 ? ".gz" : "");
            n += expectBadInput(file(name, i % 4 < 2 ? gzip(b) : b), images ? IdxFile::readImages : IdxFile::readLabels);
        }
        for (int i = 0; i < 30; i++) {
            n += expectBadInput(file("bad-" + i + ".bin", malformedCifar(rnd, i)), Cifar10Binary::read);
        }
        for (int i = 0; i < 40; i++) {
            n += expectBadInput(file("bad-" + i + ".jsonl", malformedTrajectory(rnd, i)), TrajectoryReader::read);
        }
        assertTrue(n >= 200, n + " files");
    }

    @Test
    void oddButValidFilesAreReadAsWritten() throws Exception {
        // np.savetxt writes nan and inf; a spreadsheet starts with a byte-order mark: the first row is data, not a header
        var nan = MatrixFiles.readMatrix(file("nan.csv", "nan,1.000000000000000000e+00\n2.0,-inf\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, nan.rows());
        assertTrue(Double.isNaN(nan.get(0, 0)) && nan.get(1, 1) == Double.NEGATIVE_INFINITY);
        var bom = MatrixFiles.readMatrix(file("bom.csv", "\uFEFF1.5,2\n3,4\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, bom.rows());
        assertEquals(1.5, bom.get(0, 0));
        // uint64 of 2^63 and more are positive
        ByteBuffer u = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MIN_VALUE).putLong(-1L);
        NpyArray a = Npy.read(file("u8.npy", npy("<u8", "(2,)", u.array())));
        assertArrayEquals(new double[] {0x1p63, 0x1p64}, a.values());
    }

    private int expectBadInput(Path f, Reader reader) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        try {
            reader.read(f);
            fail(f.getFileName() + " was read without an error");
        } catch (IOException | IllegalArgumentException e) {
            assertTrue(String.valueOf(e.getMessage()).contains(f.getFileName().toString()), f.getFileName() + ": " + e.getMessage());
        } catch (Throwable t) {
            fail(f.getFileName() + ": " + t, t);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < ALLOCATION_BOUND, f.getFileName() + " made the reader allocate " + allocated + " bytes");
        return 1;
    }

    private Path file(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return f;
    }

    static byte[] npy(String descr, String shape, byte[] data) {
        String h = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int pad = 64 - (10 + h.length() + 1) % 64;
        h = h + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + h.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) h.length());
        b.put(h.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return b.array();
    }

    private static byte[] malformedNpy(Random rnd, int i) {
        byte[] data = new byte[4 * 3 * 2];
        rnd.nextBytes(data);
        byte[] valid = npy("<f4", "(3, 2)", data);
        return switch (i % 6) {
            case 0 -> Arrays.copyOf(valid, rnd.nextInt(valid.length - 1)); // truncated anywhere
            case 1 -> { // header length 2^16 - 1 (v1) or 2^32 - 1 (v2)
                byte[] b = valid.clone();
                if (rnd.nextBoolean()) {
                    b[8] = (byte) 0xff;
                    b[9] = (byte) 0xff;
                    yield b;
                }
                byte[] v2 = new byte[b.length + 2];
                System.arraycopy(b, 0, v2, 0, 8);
                v2[6] = 2;
                Arrays.fill(v2, 8, 12, (byte) 0xff);
                System.arraycopy(b, 10, v2, 12, b.length - 10);
                yield v2;
            }
            case 2 -> npy("<f4", "(" + (-1 - rnd.nextInt(1000)) + ", 2)", data); // negative dimension
            case 3 -> npy(rnd.nextBoolean() ? "<f8" : "<i4", "(" + (1 + rnd.nextInt(Integer.MAX_VALUE)) + ", "
                    + (1 + rnd.nextInt(1 << 20)) + ")", data); // a shape far beyond the data
            case 4 -> { // wrong magic or version
                byte[] b = valid.clone();
                int k = rnd.nextInt(7);
                b[k] = (byte) (b[k] ^ (1 + rnd.nextInt(255)));
                if (k == 6 && b[6] >= 1 && b[6] <= 3) {
                    b[6] = 9;
                }
                yield b;
            }
            default -> npy(new String[] {"<c16", "<f3", "<U5", "|O", "<f99999999999"}[rnd.nextInt(5)], "(3, 2)", data); // no numeric dtype
        };
    }

    private static byte[] malformedCsv(Random rnd, int i) {
        StringBuilder s = new StringBuilder(i % 3 == 0 ? "a,b,c\n" : "");
        int rows = 1 + rnd.nextInt(5);
        for (int r = 0; r < rows; r++) {
            s.append(rnd.nextGaussian()).append(',').append(rnd.nextInt(9)).append(',').append(rnd.nextDouble()).append('\n');
        }
        switch (i % 4) {
            case 0 -> s.append("1,2\n"); // a row with too few values
            case 1 -> s.append("1,2,3,4\n"); // too many
            case 2 -> s.append("1,x").append(rnd.nextInt(100)).append(",3\n"); // not a number
            default -> s.setLength(0); // empty
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] malformedIdx(Random rnd, int i, boolean images) {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.putInt(images ? 0x803 : 0x801);
        int kind = i / 2 % 4;
        int count = switch (kind) {
            case 0 -> -1 - rnd.nextInt(100);
            case 1 -> Integer.MAX_VALUE - rnd.nextInt(100);
            default -> 9 + rnd.nextInt(20); // more than the body holds
        };
        b.putInt(count);
        if (images) {
            b.putInt(kind == 2 ? 4096 : 2).putInt(kind == 2 ? 4096 : 2);
        }
        if (kind == 3) {
            b.putInt(0, 0x0803_0000 + rnd.nextInt(100)); // wrong magic
        }
        byte[] body = new byte[1 + rnd.nextInt(8)]; // fewer bytes than promised
        rnd.nextBytes(body);
        b.put(body);
        return Arrays.copyOf(b.array(), b.position());
    }

    private static byte[] malformedCifar(Random rnd, int i) {
        if (i % 2 == 0) {
            byte[] b = new byte[rnd.nextInt(3 * Cifar10Binary.RECORD)];
            if (b.length % Cifar10Binary.RECORD == 0) {
                b = new byte[b.length + 1];
            }
            return b;
        }
        byte[] b = new byte[Cifar10Binary.RECORD];
        b[0] = (byte) (10 + rnd.nextInt(246)); // label beyond 9
        return b;
    }

    private static byte[] malformedTrajectory(Random rnd, int i) {
        if (i % 3 == 0) {
            return ("{\"schema\":" + (3 + rnd.nextInt(1000)) + ",\"run\":\"x\"}\n").getBytes(StandardCharsets.UTF_8); // newer schema
        }
        StringBuilder s = new StringBuilder();
        int lines = 1 + rnd.nextInt(4);
        for (int l = 0; l < lines; l++) {
            switch (rnd.nextInt(3)) {
                case 0 -> s.append("{\"schema\":2,\"run\":\"x\",\"epoch\":").append(rnd.nextInt()).append(",\"layer\":[1,2]}"); // wrong types
                case 1 -> s.append("[").append(rnd.nextInt()).append("]");
                default -> {
                    for (int k = 0; k < 1 + rnd.nextInt(30); k++) {
                        s.append((char) (33 + rnd.nextInt(90)));
                    }
                }
            }
            s.append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }
}
