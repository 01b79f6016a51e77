package org.infolens.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the estimators know of the probe rows besides a layer's activations: the class label of each
 * row, which input each row is, and optionally the input features themselves (for estimators of
 * I(X;T) that treat X as continuous). Row i of every layer's activations belongs to row i here.
 *
 * <p>Input ids make plug-in I(X;T) exact when the probe set repeats an input (augmented copies,
 * duplicated rows): rows with the same id are the same x. When every row is a distinct input,
 * H(T|X) = 0.
 */
public final class Probe {

    private final int size;
    private final int[] labels;      // null when the probe has no labels
    private final int classes;
    private final boolean labelsRenumbered; // ids too large to be class indices were mapped to 0..classes-1
    private final int[] inputIds;    // dense ids 0..distinctInputs-1
    private final int distinctInputs;
    private final Activations inputs; // null when not given
    private Map<String, Probe> heads = Map.of(); // per output of a multi-output graph: the labels a layer is measured against

    private Probe(int size, int[] labels, int[] inputIds) {
        this(size, labels, inputIds, null);
    }

    private Probe(int size, int[] labels, int[] inputIds, Activations inputs) {
        if (size < 1) {
            throw new IllegalArgumentException("the probe set is empty: at least one row is needed");
        }
        this.size = size;
        if (labels != null) {
            if (labels.length != size) {
                throw new IllegalArgumentException("labels have length " + labels.length + ", the probe has " + size + " rows");
            }
            int max = -1;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0) {
                    throw new IllegalArgumentException("label of row " + i + " is " + labels[i] + ": labels must be >= 0");
                }
                max = Math.max(max, labels[i]);
            }
            this.labelsRenumbered = max >= RENUMBER_ABOVE && max >= size;
            this.labels = labelsRenumbered ? densify(labels) : labels.clone();
            int classCount = 0;
            for (int y : this.labels) {
                classCount = Math.max(classCount, y + 1);
            }
            this.classes = classCount;
        } else {
            this.labels = null;
            this.classes = 0;
            this.labelsRenumbered = false;
        }
        if (inputIds == null) {
            this.inputIds = null;
            this.distinctInputs = size;
        } else {
            if (inputIds.length != size) {
                throw new IllegalArgumentException("input ids have length " + inputIds.length + ", the probe has " + size + " rows");
            }
            this.inputIds = densify(inputIds);
            int d = 0;
            for (int id : this.inputIds) {
                d = Math.max(d, id + 1);
            }
            this.distinctInputs = d;
        }
        if (inputs != null && inputs.rows() != size) {
            throw new IllegalArgumentException("inputs have " + inputs.rows() + " rows, the probe has " + size);
        }
        this.inputs = inputs;
    }

    /**
     * Label ids at or above this (and at least the probe's size) cannot be class indices of any output
     * layer, and estimators size per-class arrays by the largest id (2^31 - 1 would ask for 8 GB): such
     * labels are renumbered to dense ids, in order of first appearance. Smaller ids are kept as given (they
     * index the output layer for the probe accuracy, and a class absent from the probe keeps its number).
     */
    public static final int RENUMBER_ABOVE = 1 << 16;

    /** Every row a distinct input, labelled. */
    public static Probe of(int[] labels) {
        return new Probe(labels.length, labels, null);
    }

    /** Labelled rows; rows with equal {@code inputIds} are the same input. */
    public static Probe of(int[] labels, int[] inputIds) {
        return new Probe(labels.length, labels, inputIds);
    }

    /** Rows without labels (I(T;Y) is then not estimated); {@code inputIds} may be null. */
    public static Probe unlabelled(int size, int[] inputIds) {
        return new Probe(size, null, inputIds);
    }

    /** The same probe, with its input features X (rows = probe rows). */
    public Probe withInputs(Activations inputs) {
        return new Probe(size, labels, this.inputIds, java.util.Objects.requireNonNull(inputs, "inputs"));
    }

    /**
     * The same probe, with the labels of each head of a multi-output network ({@link LayerId#head()}):
     * a layer measured against head h reads {@code forHead(h)}; the rows and inputs are these.
     */
    public Probe withHeads(Map<String, int[]> headLabels) {
        Probe p = new Probe(size, labels, inputIds, inputs);
        Map<String, Probe> m = new java.util.LinkedHashMap<>();
        headLabels.forEach((head, y) -> m.put(head, new Probe(size, y, inputIds, inputs)));
        p.heads = java.util.Collections.unmodifiableMap(m);
        return p;
    }

    /** The probe with the labels of {@code head} (null, or a probe without heads: this one). */
    public Probe forHead(String head) {
        if (head == null || heads.isEmpty()) {
            return this;
        }
        Probe p = heads.get(head);
        if (p == null) {
            throw new IllegalArgumentException("the probe has no labels for head '" + head + "'; it has " + heads.keySet());
        }
        return p;
    }

    /** The heads' names, in the network's output order (empty for a single output). */
    public java.util.Set<String> heads() {
        return heads.keySet();
    }

    /** The input features X, when the probe carries them. */
    public java.util.Optional<Activations> inputs() {
        return java.util.Optional.ofNullable(inputs);
    }

    public int size() {
        return size;
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /**
     * Whether the labels were renumbered to dense ids ({@link #RENUMBER_ABOVE}): they then name no
     * output unit, and no probe accuracy is computed from them.
     */
    public boolean labelsRenumbered() {
        return labelsRenumbered;
    }

    /** Number of classes (largest label + 1); 0 without labels. */
    public int classes() {
        return classes;
    }

    public int[] labels() {
        return labels == null ? null : labels.clone();
    }

    /** True when every row is a distinct input (then H(T|X) = 0). */
    public boolean inputsDistinct() {
        return distinctInputs == size;
    }

    public int distinctInputs() {
        return distinctInputs;
    }

    /** Dense input id of a row (0..distinctInputs-1). */
    public int inputId(int row) {
        return inputIds == null ? row : inputIds[row];
    }

    /**
     * Input ids from the inputs themselves: rows with bit-identical values (-0.0 = +0.0) are the same
     * input, numbered in order of first appearance.
     */
    public static int[] identicalRowIds(Activations inputs) {
        Map<RowKey, Integer> seen = new HashMap<>();
        int[] ids = new int[inputs.rows()];
        for (int r = 0; r < ids.length; r++) {
            long[] bits = new long[inputs.columns()];
            for (int c = 0; c < bits.length; c++) {
                bits[c] = Double.doubleToLongBits(inputs.get(r, c) + 0.0); // float32 values widen exactly
            }
            ids[r] = seen.computeIfAbsent(new RowKey(bits), k -> seen.size());
        }
        return ids;
    }

    private record RowKey(long[] bits) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey k && Arrays.equals(k.bits, bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits);
        }
    }

    /** The probe of a subset (or resample) of rows, in that order: labels, input ids and inputs alike. */
    public Probe selectRows(int[] rows) {
        int[] l = labels == null ? null : new int[rows.length];
        int[] ids = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (l != null) {
                l[i] = labels[rows[i]];
            }
            ids[i] = inputId(rows[i]);
        }
        return new Probe(rows.length, l, ids, inputs == null ? null : inputs.selectRows(rows));
    }

    /** Renumbers arbitrary ids to 0..k-1 in order of first appearance. */
    private static int[] densify(int[] ids) {
        Map<Integer, Integer> seen = new HashMap<>();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = seen.computeIfAbsent(ids[i], k -> seen.size());
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Probe p && p.size == size && Arrays.equals(p.labels, labels)
                && Arrays.equals(p.inputIds, inputIds);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(labels) + size;
    }

    @Override
    public String toString() {
        return "Probe[rows=" + size + ", classes=" + classes + ", distinctInputs=" + distinctInputs + "]";
    }
}
