package org.infolens.experiments.data;

import java.util.Arrays;

/**
 * Images with class labels, in memory: {@code pixels} row-major (one row of {@code width} values in
 * [0, 1] per image), {@code labels} in 0..classes-1, and where they came from (for provenance).
 */
public record ImageDataset(String name, float[] pixels, int[] labels, int width, int classes, String source) {

    public ImageDataset {
        if (width < 1 || pixels.length != (long) labels.length * width) {
            throw new IllegalArgumentException(name + " (" + source + "): " + pixels.length + " pixel values for " + labels.length
                    + " labels of width " + width);
        }
        for (int y : labels) {
            if (y < 0 || y >= classes) {
                throw new IllegalArgumentException(name + " (" + source + "): label " + y + " outside 0.." + (classes - 1));
            }
        }
    }

    public int count() {
        return labels.length;
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive), same name and source. */
    public ImageDataset rows(int from, int to) {
        if (from < 0 || to > count() || from > to) {
            throw new IllegalArgumentException(name + ": rows " + from + ".." + to + " of " + count());
        }
        return new ImageDataset(name, Arrays.copyOfRange(pixels, from * width, to * width), Arrays.copyOfRange(labels, from, to), width,
                classes, source);
    }

    /** The images followed by {@code other}'s (same width and classes). */
    public ImageDataset concat(ImageDataset other) {
        if (other.width != width || other.classes != classes) {
            throw new IllegalArgumentException("cannot join " + name + " (width " + width + ") and " + other.name + " (width " + other.width + ")");
        }
        float[] p = Arrays.copyOf(pixels, pixels.length + other.pixels.length);
        System.arraycopy(other.pixels, 0, p, pixels.length, other.pixels.length);
        int[] y = Arrays.copyOf(labels, labels.length + other.labels.length);
        System.arraycopy(other.labels, 0, y, labels.length, other.labels.length);
        return new ImageDataset(name, p, y, width, classes, source);
    }

    @Override
    public String toString() {
        return "ImageDataset[" + name + ", " + count() + " x " + width + ", " + classes + " classes, " + source + "]";
    }
}
