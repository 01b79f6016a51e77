package org.infolens.experiments.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The IDX format of MNIST and Fashion-MNIST (LeCun et al.): a magic number 0x00000803 (images: count,
 * rows, columns) or 0x00000801 (labels: count), big-endian sizes, then unsigned bytes. Gzipped
 * (.gz) or raw. Every check names the file: wrong magic, a truncated body, sizes that disagree.
 */
public final class IdxFile {

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    private IdxFile() {
    }

    /** Images as rows of pixel values scaled to [0, 1]. */
    public record Images(float[] pixels, int count, int rows, int columns) {
        public int width() {
            return rows * columns;
        }
    }

    public static Images readImages(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            magic(in, file, IMAGES_MAGIC, "images");
            int count = size(in, file, "image count");
            int rows = size(in, file, "rows");
            int columns = size(in, file, "columns");
            long total = (long) count * rows * columns;
            if (total > Integer.MAX_VALUE) {
                throw new IOException(file + ": " + count + " images of " + rows + " x " + columns + " are too many to hold");
            }
            byte[] raw = body(in, file, (int) total);
            float[] pixels = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                pixels[i] = (raw[i] & 0xff) / 255f;
            }
            return new Images(pixels, count, rows, columns);
        }
    }

    public static int[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            magic(in, file, LABELS_MAGIC, "labels");
            byte[] raw = body(in, file, size(in, file, "label count"));
            int[] labels = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                labels[i] = raw[i] & 0xff;
            }
            return labels;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            try {
                raw = new GZIPInputStream(raw, 1 << 16);
            } catch (IOException e) {
                raw.close();
                throw new IOException(file + " is not a gzip file: " + e.getMessage(), e);
            }
        }
        return new DataInputStream(raw);
    }

    private static void magic(DataInputStream in, Path file, int expected, String what) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new IOException(file + " is empty or truncated before its header", e);
        }
        if (magic != expected) {
            throw new IOException(String.format("%s is not an IDX %s file: magic number 0x%08x, expected 0x%08x", file, what, magic, expected));
        }
    }

    private static int size(DataInputStream in, Path file, String what) throws IOException {
        try {
            int v = in.readInt();
            if (v < 0) {
                throw new IOException(file + ": negative " + what + " " + v + " in the header");
            }
            return v;
        } catch (EOFException e) {
            throw new IOException(file + " is truncated in its header (" + what + ")", e);
        }
    }

    private static byte[] body(DataInputStream in, Path file, int bytes) throws IOException {
        // readNBytes grows its buffer as data arrives: a small (or gzipped) file whose header promises
        // gigabytes fails at its real end instead of allocating what the header says.
        byte[] raw = in.readNBytes(bytes);
        if (raw.length < bytes) {
            throw new IOException(file + " is truncated: its header promises " + bytes + " bytes of data, it holds " + raw.length);
        }
        return raw;
    }
}
