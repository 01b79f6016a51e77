package org.infolens.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.infolens.data.Activations;

/** Reads matrices (rows = samples) and label vectors from .npy or .csv files, by extension. */
public final class MatrixFiles {

    private MatrixFiles() {
    }

    /** A rows x columns matrix as float32 (an N-D .npy array is flattened per row). */
    public static Activations readMatrix(Path file) throws IOException {
        requireReadable(file);
        if (isNpy(file)) {
            return Npy.readActivations(file);
        }
        Csv.Table t = Csv.read(file);
        float[] f = new float[t.values().length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) t.values()[i];
        }
        return Activations.wrap(f, t.rows(), t.columns());
    }

    /** Integer labels, one per row: a 1-D array or a single column of whole numbers. */
    public static int[] readLabels(Path file) throws IOException {
        requireReadable(file);
        double[] v;
        int columns;
        if (isNpy(file)) {
            NpyArray a = Npy.read(file);
            v = a.values();
            columns = a.columns();
        } else {
            Csv.Table t = Csv.read(file);
            v = t.values();
            columns = t.columns();
        }
        if (columns != 1) {
            throw new IOException(file + ": labels must be one column, found " + columns);
        }
        int[] labels = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i]) || v[i] < 0 || v[i] > Integer.MAX_VALUE) {
                throw new IOException(file + ": label " + i + " is " + v[i] + ", labels must be whole numbers >= 0");
            }
            labels[i] = (int) v[i];
        }
        return labels;
    }

    private static boolean isNpy(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
    }

    private static void requireReadable(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IOException(file + ": not a readable file");
        }
    }
}
