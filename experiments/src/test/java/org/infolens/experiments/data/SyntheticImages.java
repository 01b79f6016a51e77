package org.infolens.experiments.data;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Small learnable image files for tests: class c lights up the c-th band of rows, plus noise. IDX
 * (MNIST layout, 28 x 28, gzipped) and CIFAR-10 binary records.
 */
public final class SyntheticImages {

    private SyntheticImages() {
    }

    /** {@code prefix}-images-idx3-ubyte.gz and {@code prefix}-labels-idx1-ubyte.gz with n images; returns the labels. */
    public static int[] writeIdx(Path dir, String prefix, int n, long seed) throws IOException {
        Random rnd = new Random(seed);
        int[] labels = new int[n];
        byte[] pixels = new byte[n * 28 * 28];
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextInt(10);
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    boolean lit = r / 3 == labels[i] ? rnd.nextDouble() < 0.8 : rnd.nextDouble() < 0.05;
                    pixels[i * 784 + r * 28 + c] = (byte) (lit ? 150 + rnd.nextInt(106) : rnd.nextInt(30));
                }
            }
        }
        byte[] labelBytes = new byte[n];
        for (int i = 0; i < n; i++) {
            labelBytes[i] = (byte) labels[i];
        }
        write(dir.resolve(prefix + "-images-idx3-ubyte.gz"), 0x803, new int[] {n, 28, 28}, pixels);
        write(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), 0x801, new int[] {n}, labelBytes);
        return labels;
    }

    /** One CIFAR-10 record: the label byte, then pixel i of the flattened [3, 32, 32] = (i * 7 + label) mod 256. */
    public static byte[] cifarRecords(int[] labels) {
        byte[] out = new byte[labels.length * Cifar10Binary.RECORD];
        for (int r = 0; r < labels.length; r++) {
            out[r * Cifar10Binary.RECORD] = (byte) labels[r];
            for (int i = 0; i < Cifar10Binary.PIXELS; i++) {
                out[r * Cifar10Binary.RECORD + 1 + i] = (byte) ((i * 7 + labels[r]) % 256);
            }
        }
        return out;
    }

    private static void write(Path file, int magic, int[] sizes, byte[] body) throws IOException {
        Files.createDirectories(file.getParent());
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(magic);
            for (int s : sizes) {
                out.writeInt(s);
            }
            out.write(body);
        }
    }
}
