package org.infolens.dl4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * The fixed rows on which every recorded epoch's activations are captured: the network's input(s),
 * an integer class label per row and, optionally, which input each row is (rows with equal ids are
 * the same x; by default rows with identical features are the same x). Same rows, same order, every
 * recorded epoch.
 */
public final class ProbeSet {

    private final INDArray[] features;
    private final Probe labels;
    private String sha256; // of the features and every label array
    private final INDArray featuresMask; // [sequences, T] for sequence inputs with masks, else null
    private final int[] firstRow;        // probe rows by time step: sequence n's rows are firstRow[n] .. firstRow[n + 1] - 1; else null
    private final int[] stepTime;        // the time step of each probe row, when rows are steps
    private int[][] outputLabels;        // a graph with several outputs: the labels of each, in output order; else null

    private ProbeSet(INDArray[] features, int[] labels, int[] inputIds) {
        this(features, labels, inputIds, null);
    }

    private ProbeSet(INDArray[] features, int[] labels, int[] inputIds, INDArray featuresMask) {
        if (features.length == 0) {
            throw new IllegalArgumentException("the probe set needs the network's input features");
        }
        long rows = -1;
        for (int i = 0; i < features.length; i++) {
            INDArray f = Objects.requireNonNull(features[i], "probe features " + i);
            if (f.rank() < 2) {
                throw new IllegalArgumentException("probe features " + i + " have shape " + Arrays.toString(f.shape())
                        + ": expected [rows, ...]");
            }
            if (rows >= 0 && f.size(0) != rows) {
                throw new IllegalArgumentException("probe input " + i + " has " + f.size(0) + " rows, input 0 has " + rows);
            }
            rows = f.size(0);
        }
        if (rows < 1) {
            throw new IllegalArgumentException("the probe set is empty: at least one row is needed");
        }
        if (labels == null) {
            throw new IllegalArgumentException("the probe set needs one integer label per row");
        }
        if (labels.length != rows) {
            throw new IllegalArgumentException("the probe set has " + rows + " rows but " + labels.length + " labels");
        }
        this.features = new INDArray[features.length];
        for (int i = 0; i < features.length; i++) {
            this.features[i] = features[i].dup('c'); // detached from the caller's array
        }
        Activations inputs = joinedRows(this.features);
        int[] ids = inputIds != null ? inputIds.clone() : Probe.identicalRowIds(inputs);
        this.labels = Probe.of(labels, ids).withInputs(inputs);
        this.sha256 = hash(this.features, labels);
        this.featuresMask = featuresMask == null ? null : checkedMask(featuresMask, this.features[0], "features");
        this.firstRow = null;
        this.stepTime = null;
    }

    /** Sequences labelled per time step: a probe row per unmasked step. */
    private ProbeSet(INDArray features, INDArray labels, INDArray featuresMask, INDArray labelsMask) {
        this.features = new INDArray[] {features.dup('c')};
        this.featuresMask = featuresMask == null ? null : checkedMask(featuresMask, features, "features");
        if (labels.size(0) != features.size(0) || labels.size(2) != features.size(2)) {
            throw new IllegalArgumentException("sequence labels of shape " + Arrays.toString(labels.shape()) + " do not match features of shape "
                    + Arrays.toString(features.shape()) + ": expected [sequences, classes, T] with the features' sequences and T");
        }
        INDArray mask = labelsMask != null ? checkedMask(labelsMask, features, "labels") : this.featuresMask;
        int n = (int) features.size(0);
        int t = (int) features.size(2);
        INDArray classes = labels.argMax(1); // [sequences, T]
        List<Integer> y = new ArrayList<>();
        List<Integer> times = new ArrayList<>();
        List<float[]> x = new ArrayList<>();
        firstRow = new int[n + 1];
        for (int i = 0; i < n; i++) {
            firstRow[i] = y.size();
            for (int step = 0; step < t; step++) {
                if (mask == null || mask.getDouble(i, step) != 0) {
                    y.add(classes.getInt(i, step));
                    times.add(step);
                    x.add(features.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.point(step)).castTo(DataType.FLOAT).toFloatVector());
                }
            }
        }
        firstRow[n] = y.size();
        if (y.isEmpty()) {
            throw new IllegalArgumentException("the probe's label mask leaves no time step: the probe set is empty");
        }
        int[] stepLabels = y.stream().mapToInt(Integer::intValue).toArray();
        stepTime = times.stream().mapToInt(Integer::intValue).toArray();
        float[] stepInputs = new float[x.size() * x.get(0).length];
        for (int r = 0; r < x.size(); r++) {
            System.arraycopy(x.get(r), 0, stepInputs, r * x.get(0).length, x.get(0).length);
        }
        // every step is its own input (the sequence up to it); the inputs KSG reads are the step's features
        this.labels = Probe.of(stepLabels).withInputs(Activations.wrap(stepInputs, stepLabels.length, x.get(0).length));
        this.sha256 = hash(this.features, stepLabels);
    }

    private static INDArray checkedMask(INDArray mask, INDArray features, String what) {
        if (features.rank() != 3 || mask.rank() != 2 || mask.size(0) != features.size(0) || mask.size(1) != features.size(2)) {
            throw new IllegalArgumentException("the " + what + " mask of shape " + Arrays.toString(mask.shape()) + " does not fit features of shape "
                    + Arrays.toString(features.shape()) + ": expected [sequences, T]");
        }
        return mask.dup('c');
    }

    /** One input array, rows = probe rows. */
    public static ProbeSet of(INDArray features, int[] labels) {
        return new ProbeSet(new INDArray[] {features}, labels, null);
    }

    /** One input array, with explicit input ids (e.g. augmented copies of one image share an id). */
    public static ProbeSet of(INDArray features, int[] labels, int[] inputIds) {
        return new ProbeSet(new INDArray[] {features}, labels, inputIds);
    }

    /** Several inputs (a ComputationGraph with several input vertices). */
    public static ProbeSet ofInputs(INDArray[] features, int[] labels) {
        return new ProbeSet(features.clone(), labels, null);
    }

    /**
     * A graph with several outputs: its inputs and one one-hot (or class-probability) label array per
     * output, in the graph's output order. Each output's I(T;Y) and accuracy are then measured against
     * its own labels, and a layer that feeds several outputs against their labels jointly.
     */
    public static ProbeSet ofOutputs(INDArray[] features, INDArray[] labels) {
        if (labels.length == 0) {
            throw new IllegalArgumentException("the probe set needs one label array per network output, got none");
        }
        ProbeSet p = new ProbeSet(features.clone(), argMax(labels[0]), null);
        p.outputLabels = new int[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            p.outputLabels[i] = argMax(labels[i]);
            if (p.outputLabels[i].length != p.rows()) {
                throw new IllegalArgumentException("label array " + i + " has " + p.outputLabels[i].length + " rows, the probe has " + p.rows());
            }
        }
        p.sha256 = hash(p.features, Arrays.stream(p.outputLabels).flatMapToInt(Arrays::stream).toArray());
        return p;
    }

    /** The inputs and the labels of every output of a MultiDataSet ({@link #ofOutputs}). */
    public static ProbeSet of(org.nd4j.linalg.dataset.api.MultiDataSet data) {
        return ofOutputs(data.getFeatures(), data.getLabels());
    }

    /** Label arrays: one per output with {@link #ofOutputs}, else 1. */
    public int outputCount() {
        return outputLabels == null ? 1 : outputLabels.length;
    }

    /**
     * The estimators' probe for a graph with outputs {@code outputs} whose layers are measured against
     * {@code heads} (output names joined by "+": their labels taken jointly).
     */
    Probe labelsFor(List<String> outputs, java.util.Collection<String> heads) {
        if (outputLabels == null) {
            return labels;
        }
        Map<String, int[]> byHead = new LinkedHashMap<>();
        List<String> ordered = heads.stream().sorted(java.util.Comparator.comparingInt((String h) -> h.split("\\+").length)
                .thenComparingInt(h -> outputs.indexOf(h.split("\\+")[0]))).toList(); // single outputs first, in output order
        for (String head : ordered) {
            int[] joint = new int[rows()];
            for (String output : head.split("\\+")) {
                int[] y = outputLabels[outputs.indexOf(output)];
                int classes = Arrays.stream(y).max().orElse(0) + 1;
                for (int r = 0; r < joint.length; r++) {
                    joint[r] = joint[r] * classes + y[r];
                }
            }
            byHead.put(head, joint);
        }
        return labels.withHeads(byHead);
    }

    /**
     * Features and one-hot (or class-probability) labels of a DataSet; the label is the arg-max.
     * Sequences ([N, features, T]) keep their masks, see {@link #ofSequences}.
     */
    public static ProbeSet of(DataSet data) {
        if (data.getFeatures().rank() == 3) {
            return ofSequences(data.getFeatures(), data.getLabels(), data.getFeaturesMaskArray(), data.getLabelsMaskArray());
        }
        return of(data.getFeatures(), argMax(data.getLabels()));
    }

    /**
     * Sequences [N, features, T] for a recurrent network, with their masks (null when every step is
     * real) for variable lengths. Labels [N, classes, T] (an RnnOutputLayer's) make a probe row of
     * each time step the label mask keeps (the features mask when there is none), labelled with that
     * step's class; labels [N, classes] (one per sequence) a probe row of each sequence.
     */
    public static ProbeSet ofSequences(INDArray features, INDArray labels, INDArray featuresMask, INDArray labelsMask) {
        if (features.rank() != 3) {
            throw new IllegalArgumentException("sequence features of shape " + Arrays.toString(features.shape()) + ": expected [sequences, features, T]");
        }
        if (labels.rank() == 3) {
            return new ProbeSet(features, labels, featuresMask, labelsMask);
        }
        return new ProbeSet(new INDArray[] {features}, argMax(labels), null, featuresMask);
    }

    /** Probe rows: sequences or inputs, or the time steps of a probe labelled per step. */
    public int rows() {
        return labels.size();
    }

    /** Rows of the network's input arrays (sequences of a recurrent network). */
    int inputRows() {
        return (int) features[0].size(0);
    }

    /** Whether the probe's rows are time steps (labels per step). */
    boolean bySteps() {
        return firstRow != null;
    }

    /** The probe rows of input row {@code sequence} when rows are steps: from (inclusive), to (exclusive). */
    int firstRow(int sequence) {
        return firstRow[sequence];
    }

    /** The time step of probe row {@code row} when rows are steps. */
    int stepTime(int row) {
        return stepTime[row];
    }

    /** The features mask of input rows {@code from} to {@code to}, or null. */
    INDArray featuresMask(long from, long to) {
        return featuresMask == null ? null : featuresMask.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    /** Number of network inputs. */
    public int inputCount() {
        return features.length;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of every input. */
    INDArray[] rows(long from, long to) {
        INDArray[] out = new INDArray[features.length];
        for (int i = 0; i < features.length; i++) {
            out[i] = from == 0 && to == inputRows() ? features[i]
                    : features[i].get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to));
        }
        return out;
    }

    public Probe labels() {
        return labels;
    }

    /** SHA-256 of the features (float32, row-major) and labels: identifies the probe in run.json. */
    public String sha256() {
        return sha256;
    }

    /** Shape of each input, for messages and provenance. */
    public String shapes() {
        StringBuilder b = new StringBuilder();
        for (INDArray f : features) {
            b.append(b.length() > 0 ? ", " : "").append(Arrays.toString(f.shape()));
        }
        return b.toString();
    }

    /** The probe set as run.json describes it: rows, shapes, classes, distinct inputs, SHA-256. */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows());
        if (bySteps()) {
            m.put("rowsAre", "time steps of " + inputRows() + " sequences");
        }
        if (outputLabels != null) {
            m.put("labelArrays", outputLabels.length); // one per network output; "classes" is the first output's
        }
        m.put("shapes", shapes());
        m.put("classes", labels.classes());
        m.put("distinctInputs", labels.distinctInputs());
        m.put("sha256", sha256);
        return m;
    }

    static int[] argMax(INDArray labels) {
        if (labels.rank() != 2) {
            throw new IllegalArgumentException("labels of shape " + Arrays.toString(labels.shape())
                    + ": expected [rows, classes] (one-hot or class probabilities)");
        }
        INDArray idx = labels.argMax(1);
        int[] y = new int[(int) labels.size(0)];
        for (int i = 0; i < y.length; i++) {
            y[i] = idx.getInt(i);
        }
        return y;
    }

    /**
     * All inputs of a row side by side, rows = probe rows: float64 when any input array is DOUBLE (so
     * that no input value is rounded), else float32.
     */
    private static Activations joinedRows(INDArray[] features) {
        int rows = (int) features[0].size(0);
        boolean float64 = Arrays.stream(features).anyMatch(f -> f.dataType() == DataType.DOUBLE);
        double[][] flat = new double[features.length][];
        int total = 0;
        for (int i = 0; i < features.length; i++) {
            flat[i] = features[i].castTo(DataType.DOUBLE).dup('c').data().asDouble();
            total += flat[i].length / rows;
        }
        double[] joined = new double[rows * total];
        int offset = 0;
        for (double[] f : flat) {
            int w = f.length / rows;
            for (int r = 0; r < rows; r++) {
                System.arraycopy(f, r * w, joined, r * total + offset, w);
            }
            offset += w;
        }
        if (float64) {
            return Activations.wrap(joined, rows, total);
        }
        float[] rounded = new float[joined.length];
        for (int i = 0; i < joined.length; i++) {
            rounded[i] = (float) joined[i]; // float32 (or narrower) inputs: exact
        }
        return Activations.wrap(rounded, rows, total);
    }

    private static String hash(INDArray[] features, int[] labels) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (INDArray f : features) {
                float[] v = f.castTo(DataType.FLOAT).data().asFloat();
                ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                for (float x : v) {
                    b.putFloat(x);
                }
                md.update(b.array());
            }
            ByteBuffer b = ByteBuffer.allocate(4 * labels.length).order(ByteOrder.LITTLE_ENDIAN);
            for (int y : labels) {
                b.putInt(y);
            }
            md.update(b.array());
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "ProbeSet[rows=" + rows() + ", inputs=" + shapes() + ", classes=" + labels.classes()
                + ", distinctInputs=" + labels.distinctInputs() + "]";
    }
}
