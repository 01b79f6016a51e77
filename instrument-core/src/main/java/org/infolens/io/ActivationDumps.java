package org.infolens.io;

/**
 * How much of each recorded epoch's activations a run keeps on disk: at most {@code maxRows} probe
 * rows (a fixed seeded subset, the same at every epoch) and at most {@code maxColumns} units of each
 * layer (a fixed seeded subset per layer); 0 keeps all. A subset is enough to recompute most measures
 * offline at a fraction of the disk: a 10,000-row probe of the 784-1024-20-20-20-10 MLP is 44 MB per
 * recorded epoch in full.
 */
public record ActivationDumps(int maxRows, int maxColumns, long seed) {

    /** Every row and column. */
    public static final ActivationDumps ALL = new ActivationDumps(0, 0, 0);

    public ActivationDumps {
        if (maxRows < 0 || maxRows == 1 || maxColumns < 0) {
            throw new IllegalArgumentException("activation dumps need maxRows 0 (all) or >= 2 and maxColumns >= 0 (0 = all), got "
                    + maxRows + " and " + maxColumns);
        }
    }

    /** Keeps everything: the store can serve a two-pass measure's second pass. */
    public boolean complete() {
        return maxRows == 0 && maxColumns == 0;
    }

    /** Rows kept of a probe of {@code rows}. */
    public int rowsKept(int rows) {
        return maxRows == 0 ? rows : Math.min(rows, maxRows);
    }

    /** Columns kept of a layer {@code width} wide. */
    public int columnsKept(int width) {
        return maxColumns == 0 ? width : Math.min(width, maxColumns);
    }
}
