package org.infolens.experiments.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader on hand-made files: raw and gzipped, and every way a file can be wrong. */
class IdxFileTest {

    @TempDir
    Path dir;

    private static byte[] idx(int magic, int[] sizes, byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int s : sizes) {
            out.writeInt(s);
        }
        out.write(body);
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        if (name.endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
                out.write(content);
            }
        } else {
            Files.write(p, content);
        }
        return p;
    }

    @Test
    void readsImagesAndLabelsRawAndGzipped() throws IOException {
        byte[] pixels = {0, (byte) 255, (byte) 128, 51, 0, 0, 1, 2, 3, 4, 5, (byte) 200};
        for (String suffix : new String[] {"", ".gz"}) {
            IdxFile.Images images = IdxFile.readImages(write("img" + suffix, idx(0x803, new int[] {3, 2, 2}, pixels)));
            assertEquals(3, images.count());
            assertEquals(4, images.width());
            assertEquals(1f, images.pixels()[1]);
            assertEquals(128 / 255f, images.pixels()[2]);
            assertEquals(200 / 255f, images.pixels()[11]);
            int[] labels = IdxFile.readLabels(write("lab" + suffix, idx(0x801, new int[] {3}, new byte[] {7, 0, 9})));
            assertArrayEquals(new int[] {7, 0, 9}, labels);
        }
    }

    @Test
    void wrongMagicTruncationAndMissingFilesNameTheFile() throws IOException {
        Path labelsAsImages = write("swapped", idx(0x801, new int[] {3}, new byte[] {1, 2, 3}));
        IOException magic = assertThrows(IOException.class, () -> IdxFile.readImages(labelsAsImages));
        assertTrue(magic.getMessage().contains("swapped") && magic.getMessage().contains("magic"), magic.getMessage());
        Path truncated = write("short.gz", idx(0x803, new int[] {5, 2, 2}, new byte[7]));
        IOException body = assertThrows(IOException.class, () -> IdxFile.readImages(truncated));
        assertTrue(body.getMessage().contains("truncated"), body.getMessage());
        Path header = write("header", new byte[] {0, 0, 8, 3, 0, 0});
        assertTrue(assertThrows(IOException.class, () -> IdxFile.readImages(header)).getMessage().contains("truncated"));
        Path notGzip = write("plain.gz-not", new byte[0]);
        assertTrue(assertThrows(IOException.class, () -> IdxFile.readLabels(notGzip)).getMessage().contains("empty"));
        assertTrue(assertThrows(IOException.class, () -> IdxFile.readLabels(dir.resolve("absent.gz"))).getMessage().contains("does not exist"));
    }
}
