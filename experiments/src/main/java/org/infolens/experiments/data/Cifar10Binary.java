package org.infolens.experiments.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CIFAR-10 binary format (data_batch_1..5.bin, test_batch.bin): records of 1 label byte (0-9)
 * then 3,072 pixel bytes, the red, green and blue 32 x 32 planes one after the other. Pixels are
 * scaled to [0, 1] and kept channel-first, [C, H, W] flattened, the layout DL4J's convolution input
 * expects. A file whose size is not a whole number of records, or a label above 9, is an error naming
 * the file.
 */
public final class Cifar10Binary {

    public static final int CHANNELS = 3;
    public static final int SIDE = 32;
    public static final int PIXELS = CHANNELS * SIDE * SIDE;
    public static final int RECORD = 1 + PIXELS;
    public static final int CLASSES = 10;

    private Cifar10Binary() {
    }

    public static ImageDataset read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist");
        }
        byte[] raw = Files.readAllBytes(file);
        if (raw.length == 0 || raw.length % RECORD != 0) {
            throw new IOException(file + ": " + raw.length + " bytes is not a whole number of " + RECORD
                    + "-byte CIFAR-10 records (truncated, or not a CIFAR-10 binary batch)");
        }
        int n = raw.length / RECORD;
        float[] pixels = new float[n * PIXELS];
        int[] labels = new int[n];
        for (int r = 0; r < n; r++) {
            labels[r] = raw[r * RECORD] & 0xff;
            if (labels[r] >= CLASSES) {
                throw new IOException(file + ": record " + r + " has label " + labels[r] + " (CIFAR-10 labels are 0-9)");
            }
            for (int i = 0; i < PIXELS; i++) {
                pixels[r * PIXELS + i] = (raw[r * RECORD + 1 + i] & 0xff) / 255f;
            }
        }
        return new ImageDataset("cifar10", pixels, labels, PIXELS, CLASSES, file.toString());
    }
}
