package org.infolens.dl4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.VertexIndices;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.infolens.data.ActivationSnapshot;
import org.infolens.data.Activations;
import org.infolens.data.LayerActivations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.data.WeightMatrix;
import org.infolens.run.InfolensVersion;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs the probe set through a network in inference mode (no dropout, batch-norm running statistics)
 * and copies every layer's output into detached float32 matrices, rows = probe rows, a layer's
 * outputs flattened per row ([N, C, H, W] becomes N x CHW). Works in probe batches so a large probe
 * set through a wide network never needs all activations of all layers twice in memory.
 */
abstract class NetworkCapture {

    private List<LayerId> layers; // known after the first capture: widths come from the outputs
    private java.util.function.Function<String, SequenceView> views; // per layer name; null answers: by the probe

    static NetworkCapture of(Model model) {
        if (model instanceof MultiLayerNetwork m) {
            return new MultiLayer(m);
        }
        if (model instanceof ComputationGraph g) {
            return new Graph(g);
        }
        throw new IllegalArgumentException("infolens instruments MultiLayerNetwork and ComputationGraph, not "
                + (model == null ? "null" : model.getClass().getName()));
    }

    /** DL4J's version and ND4J's backend, data type and BLAS, for run.json. */
    static Map<String, Object> framework() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dl4j", InfolensVersion.dl4j());
        m.put("nd4jBackend", Nd4j.getBackend().getClass().getSimpleName());
        m.put("dataType", Nd4j.dataType().toString());
        m.put("blas", Nd4j.factory().blas().getBlasVendor().toString());
        return m;
    }

    /** The network this capture reads. */
    abstract Model model();

    /** Layer outputs for some input rows, in network order, without the inputs; {@code mask}: the sequences' features mask, or null. */
    abstract List<INDArray> forward(INDArray[] inputs, INDArray mask);

    /** Name, kind and activation of the i-th output that {@link #forward} returns; channels of [N, C, H, W] outputs, else 0. */
    abstract LayerId describe(int position, long width, int channels);

    abstract String configurationJson();

    abstract long seed();

    abstract int epochCount();

    abstract long iterationCount();

    abstract int networkInputs();

    /** The layers with weights, in network order (known without a capture). */
    abstract List<WeightedLayer> weightedLayers();

    /** The network's layers (known after the first capture). */
    List<LayerId> layers() {
        return layers;
    }

    ActivationSnapshot capture(ProbeSet probe, Predicate<LayerId> keep, int epoch, int batchSize) {
        return capture(probe, keep, epoch, iterationCount(), batchSize);
    }

    /**
     * A capture of an independent copy of this network (same configuration and weights), for forward
     * passes on another thread while this one trains; its layers are this capture's.
     */
    NetworkCapture copy() {
        NetworkCapture c = NetworkCapture.of(cloneModel());
        c.layers = layers;
        c.views = views;
        return c;
    }

    /** Takes the layers another capture of the same network named (a copy's first capture). */
    void adoptLayers(NetworkCapture other) {
        if (layers == null) {
            layers = other.layers;
        }
    }

    /** Sets the weights (a flattened copy of another network's {@code params()}). */
    abstract void setParameters(INDArray params);

    abstract Model cloneModel();

    /** The weights as one flattened copy, for {@link #setParameters} on a {@link #copy()}. */
    INDArray copyParameters() {
        return model().params().dup();
    }

    ActivationSnapshot capture(ProbeSet probe, Predicate<LayerId> keep, int epoch, long iteration, int batchSize) {
        if (probe.inputCount() != networkInputs()) {
            throw new IllegalArgumentException("the probe set has " + probe.inputCount() + " input array(s), the network takes "
                    + networkInputs());
        }
        int n = probe.rows();
        int inputRows = probe.inputRows();
        List<LayerId> kept = null;
        int[] positions = null;
        float[][] values = null;   // float32 outputs, per kept layer
        double[][] values64 = null; // float64 outputs (a DOUBLE network), kept as they are
        int rowOffset = 0;
        for (int from = 0; from < inputRows; from += batchSize) {
            int to = Math.min(inputRows, from + batchSize);
            List<INDArray> outs;
            try {
                outs = forward(probe.rows(from, to), probe.featuresMask(from, to));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the probe set (" + probe.shapes() + ") does not fit the network: " + e.getMessage(), e);
            }
            if (kept == null) {
                if (layers == null) {
                    List<LayerId> all = new ArrayList<>();
                    for (int i = 0; i < outs.size(); i++) {
                        INDArray out = outs.get(i);
                        LayerId id = describe(i, out.length() / out.size(0), out.rank() == 4 ? (int) out.size(1) : 0);
                        all.add(inGraph(out.rank() == 3 ? sequenceLayer(id, out, probe) : id, i, probe));
                    }
                    layers = List.copyOf(all);
                }
                kept = new ArrayList<>();
                List<Integer> pos = new ArrayList<>();
                for (int i = 0; i < layers.size(); i++) {
                    if (keep.test(layers.get(i))) {
                        kept.add(layers.get(i));
                        pos.add(i);
                    }
                }
                positions = pos.stream().mapToInt(Integer::intValue).toArray();
                values = new float[kept.size()][];
                values64 = new double[kept.size()][];
                for (int j = 0; j < kept.size(); j++) {
                    int size = Math.multiplyExact(n, kept.get(j).width());
                    if (outs.get(positions[j]).dataType() == DataType.DOUBLE) {
                        values64[j] = new double[size];
                    } else {
                        values[j] = new float[size];
                    }
                }
            }
            int batchRows = probe.bySteps() ? probe.firstRow(to) - probe.firstRow(from) : to - from;
            for (int j = 0; j < positions.length; j++) {
                LayerId layer = kept.get(j);
                INDArray out = rowsOf(outs.get(positions[j]), layer, probe, from, to);
                int width = layer.width();
                if (out.length() != (long) batchRows * width) {
                    throw new IllegalStateException("layer " + layer.describe() + " gave an output of shape "
                            + Arrays.toString(outs.get(positions[j]).shape()) + " for " + (to - from) + " probe input rows");
                }
                if (values64[j] != null) {
                    copyRows(out, values64[j], rowOffset * width, batchRows * width);
                } else {
                    copyRows(out, values[j], rowOffset * width, batchRows * width);
                }
            }
            rowOffset += batchRows;
        }
        List<LayerActivations> result = new ArrayList<>();
        for (int j = 0; j < kept.size(); j++) {
            int width = kept.get(j).width();
            Activations a = values64[j] != null ? Activations.wrap(values64[j], n, width) : Activations.wrap(values[j], n, width);
            result.add(new LayerActivations(kept.get(j), a));
        }
        return new ActivationSnapshot(epoch, iteration, result);
    }

    /**
     * Copies a batch's output into the snapshot's array at {@code at}: straight from native memory when
     * it is a whole buffer in c order of the snapshot's type (a layer's fresh output), one copy instead
     * of three (dup, toArray, arraycopy) on the probe's largest layers; else through a c-order copy.
     * The NIO view does not hold the buffer: {@code out} is fenced, else a GC during the copy could let
     * ND4J's deallocator free the memory being read.
     */
    static void copyRows(INDArray out, float[] into, int at, int length) {
        if (out.dataType() == DataType.FLOAT && whole(out)) {
            out.data().asNioFloat().get(into, at, length);
            java.lang.ref.Reference.reachabilityFence(out);
        } else {
            System.arraycopy(out.castTo(DataType.FLOAT).dup('c').data().asFloat(), 0, into, at, length);
        }
    }

    static void copyRows(INDArray out, double[] into, int at, int length) {
        if (out.dataType() == DataType.DOUBLE && whole(out)) {
            out.data().asNioDouble().get(into, at, length);
            java.lang.ref.Reference.reachabilityFence(out);
        } else {
            System.arraycopy(out.castTo(DataType.DOUBLE).dup('c').data().asDouble(), 0, into, at, length);
        }
    }

    /** A c-order array that is its whole buffer from offset 0, so the buffer's values are the array's in row-major order. */
    private static boolean whole(INDArray a) {
        return !a.isView() && a.ordering() == 'c' && a.data().offset() == 0 && a.data().length() == a.length()
                && org.nd4j.linalg.api.shape.Shape.hasDefaultStridesForShape(a);
    }

    /** The layer with what a graph adds: the head(s) it is measured against, the vertices it reads. */
    LayerId inGraph(LayerId id, int position, ProbeSet probe) {
        if (probe.outputCount() > 1) {
            throw new IllegalArgumentException("the probe set has " + probe.outputCount() + " label arrays, but a MultiLayerNetwork has one output");
        }
        return id;
    }

    /** The network's outputs, by name, in order. */
    abstract List<String> outputNames();

    /** Per-layer choices of how a time axis becomes rows (null: by the probe, see {@link SequenceView}). */
    void sequenceViews(java.util.function.Function<String, SequenceView> views) {
        this.views = views;
    }

    /** A layer with output [N, units, T], as its view makes it rows. */
    private LayerId sequenceLayer(LayerId id, INDArray out, ProbeSet probe) {
        SequenceView v = views == null ? null : views.apply(id.name());
        if (v == null) {
            v = probe.bySteps() ? SequenceView.STEPS : SequenceView.LAST_STEP;
        }
        if (v == SequenceView.STEPS && !probe.bySteps()) {
            throw new IllegalArgumentException("layer " + id.describe() + " is to be recorded by time step, but the probe has one label per "
                    + "sequence: give it labels [sequences, classes, T] (ProbeSet.ofSequences) or choose last-step or flattened");
        }
        int units = (int) out.size(1);
        int steps = (int) out.size(2);
        return id.withSequence(v.label(), steps, v == SequenceView.FLATTENED ? units * steps : units);
    }

    /**
     * A layer's output for input rows {@code from}..{@code to} as probe rows: a time axis by the
     * layer's view; a per-sequence row repeated at each of its steps when the probe's rows are steps.
     */
    private static INDArray rowsOf(INDArray out, LayerId layer, ProbeSet probe, int from, int to) {
        int b = to - from;
        INDArray perSequence;
        if (out.rank() == 3 && SequenceView.STEPS.label().equals(layer.sequence())) {
            int rows = probe.firstRow(to) - probe.firstRow(from);
            INDArray m = Nd4j.create(out.dataType(), rows, out.size(1));
            for (int r = 0; r < rows; r++) {
                int row = probe.firstRow(from) + r;
                int seq = sequenceOf(probe, row, from, to);
                m.putRow(r, out.get(NDArrayIndex.point(seq - from), NDArrayIndex.all(), NDArrayIndex.point(probe.stepTime(row))));
            }
            return m;
        } else if (out.rank() == 3 && SequenceView.LAST_STEP.label().equals(layer.sequence())) {
            INDArray mask = probe.featuresMask(from, to);
            perSequence = Nd4j.create(out.dataType(), b, out.size(1));
            for (int i = 0; i < b; i++) {
                int last = (int) out.size(2) - 1;
                while (mask != null && last > 0 && mask.getDouble(i, last) == 0) {
                    last--;
                }
                perSequence.putRow(i, out.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.point(last)));
            }
        } else {
            perSequence = out.reshape('c', b, out.length() / b); // flattened: [N, units, T] unit-major, [N, C, H, W] channel-first
        }
        if (!probe.bySteps()) {
            return perSequence;
        }
        int rows = probe.firstRow(to) - probe.firstRow(from);
        INDArray m = Nd4j.create(perSequence.dataType(), rows, perSequence.size(1));
        for (int i = from; i < to; i++) {
            for (int row = probe.firstRow(i); row < probe.firstRow(i + 1); row++) {
                m.putRow(row - probe.firstRow(from), perSequence.getRow(i - from));
            }
        }
        return m;
    }

    private static int sequenceOf(ProbeSet probe, int row, int from, int to) {
        for (int i = from; i < to; i++) {
            if (row < probe.firstRow(i + 1)) {
                return i;
            }
        }
        throw new IllegalStateException("probe row " + row + " is not a step of input rows " + from + ".." + to);
    }

    /**
     * A copy of the layer's first weight parameter (W of a dense, output or convolution layer, the
     * input weights of a recurrent one) as a matrix: [out, in, kh, kw] becomes [out, in x kh x kw].
     */
    static WeightMatrix weights(WeightedLayer w) {
        INDArray p = w.layer().getParam(w.weightKeys().get(0));
        long rows = p.size(0);
        long columns = p.length() / rows;
        if (rows * columns > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the weights of layer " + w.position() + " have " + p.length() + " values, too many to copy");
        }
        double[] values = p.castTo(DataType.DOUBLE).dup('c').data().asDouble(); // c order: the trailing dimensions become columns
        return WeightMatrix.wrap(values, (int) rows, (int) columns);
    }

    /** The weight parameters of a layer as its param initializer names them, present in its parameter table. */
    static List<String> weightKeys(org.deeplearning4j.nn.api.Layer layer) {
        org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
        Map<String, INDArray> table = layer.paramTable();
        return conf.initializer().weightKeys(conf).stream().filter(table::containsKey).toList();
    }

    /**
     * A layer with weights.
     *
     * @param position       its position among the captured layers ({@link #layers()})
     * @param layer          the DL4J layer, whose parameters are read at record time
     * @param gradientPrefix what the network's gradient keys start with for it: "0_" in a
     *                       MultiLayerNetwork, "name_" in a ComputationGraph
     * @param weightKeys     its weight parameters ("W", "RW"), biases excluded
     */
    record WeightedLayer(int position, org.deeplearning4j.nn.api.Layer layer, String gradientPrefix, List<String> weightKeys) {
    }

    /** DenseLayer -> dense, MergeVertex -> merge. */
    static LayerKind kind(Object conf) {
        return LayerKind.ofClassName(conf.getClass().getSimpleName());
    }

    /**
     * The activation function the layer applies: batch norm and dropout apply none (their activationFn
     * is DL4J's unused default, sigmoid), an ActivationLayer its own; "" where there is no such notion
     * (pooling, vertices). A frozen layer is read through to the layer it wraps.
     */
    static String activation(org.deeplearning4j.nn.conf.layers.Layer conf) {
        org.deeplearning4j.nn.conf.layers.Layer c = unfrozen(conf);
        if (c instanceof BatchNormalization || c instanceof DropoutLayer) {
            return "identity";
        }
        IActivation fn = c instanceof ActivationLayer a ? a.getActivationFn() : c instanceof BaseLayer b ? b.getActivationFn() : null;
        return fn != null ? fn.toString().toLowerCase(Locale.ROOT) : "";
    }

    /**
     * FrozenLayer (no backprop) or FrozenLayerWithBackprop (backprop, no updates) of transfer learning:
     * TransferLearning's feature extractor wraps the runtime layer and leaves its configuration as it was.
     */
    static boolean frozen(org.deeplearning4j.nn.api.Layer layer) {
        org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
        return layer instanceof org.deeplearning4j.nn.layers.FrozenLayer || layer instanceof org.deeplearning4j.nn.layers.FrozenLayerWithBackprop
                || conf instanceof FrozenLayer || conf instanceof FrozenLayerWithBackprop;
    }

    /** The layer a frozen wrapper holds, or the layer itself. */
    static org.deeplearning4j.nn.conf.layers.Layer unfrozen(org.deeplearning4j.nn.conf.layers.Layer conf) {
        if (conf instanceof FrozenLayer f) {
            return unfrozen(f.getLayer());
        }
        if (conf instanceof FrozenLayerWithBackprop f) {
            return unfrozen(f.getUnderlying());
        }
        return conf;
    }

    /** The recorded identity of a layer: kind and activation of the layer a frozen wrapper holds. */
    private static LayerId layerId(int position, String name, long width, int channels, org.deeplearning4j.nn.api.Layer layer) {
        org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
        return new LayerId(position, name, width(width, name), kind(unfrozen(conf)), activation(conf), channels, frozen(layer));
    }

    private static int width(long w, String name) {
        if (w > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("layer '" + name + "' has " + w + " outputs per row, too many to record");
        }
        return (int) w;
    }

    static final class MultiLayer extends NetworkCapture {
        private final MultiLayerNetwork net;

        MultiLayer(MultiLayerNetwork net) {
            this.net = net;
        }

        @Override
        Model model() {
            return net;
        }

        @Override
        void setParameters(INDArray params) {
            net.setParams(params);
        }

        @Override
        Model cloneModel() {
            return net.clone();
        }

        @Override
        List<INDArray> forward(INDArray[] inputs, INDArray mask) {
            // Layer by layer rather than net.feedForward: an ActivationLayer applies its function in
            // place in inference mode, so feedForward's list holds the post-activation array for the
            // layer before it (batch norm, identity dense). Each layer gets a copy of its input, but for
            // the dense and output layers, which only read theirs (their product is a new array).
            LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
            List<INDArray> out = new ArrayList<>(net.getnLayers());
            INDArray current = inputs[0];
            int rows = (int) current.size(0);
            if (mask != null) {
                net.setLayerMaskArrays(mask, null); // each layer gets its mask: recurrent layers stop at a sequence's end
            }
            try {
                for (int i = 0; i < net.getnLayers(); i++) {
                    INDArray in = readsInputOnly(net.getLayer(i)) ? current : current.dup();
                    InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
                    if (pre != null) {
                        in = pre.preProcess(in, rows, mgr);
                    }
                    current = net.getLayer(i).activate(in, false, mgr);
                    out.add(current);
                }
            } finally {
                net.clearLayersStates(); // the layers hold their last input; this may be the training network
                if (mask != null) {
                    net.clearLayerMaskArrays();
                }
            }
            return out;
        }

        /** Exactly DL4J's dense and output layers (not a subclass, which might write its input). */
        private static boolean readsInputOnly(org.deeplearning4j.nn.api.Layer layer) {
            return layer.getClass() == org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer.class
                    || layer.getClass() == org.deeplearning4j.nn.layers.OutputLayer.class;
        }

        @Override
        List<String> outputNames() {
            return List.of(describe(net.getnLayers() - 1, 1, 0).name());
        }

        @Override
        LayerId describe(int position, long width, int channels) {
            org.deeplearning4j.nn.conf.layers.Layer conf = net.getLayer(position).conf().getLayer();
            String name = conf.getLayerName() != null ? conf.getLayerName() : "layer" + position;
            return layerId(position, name, width, channels, net.getLayer(position));
        }

        @Override
        List<WeightedLayer> weightedLayers() {
            List<WeightedLayer> out = new ArrayList<>();
            for (int i = 0; i < net.getnLayers(); i++) {
                List<String> keys = weightKeys(net.getLayer(i));
                if (!keys.isEmpty()) {
                    out.add(new WeightedLayer(i, net.getLayer(i), i + "_", keys));
                }
            }
            return out;
        }

        @Override
        String configurationJson() {
            return net.getLayerWiseConfigurations().toJson();
        }

        @Override
        long seed() {
            return net.getLayerWiseConfigurations().getConf(0).getSeed();
        }

        @Override
        int epochCount() {
            return net.getEpochCount();
        }

        @Override
        long iterationCount() {
            return net.getIterationCount();
        }

        @Override
        int networkInputs() {
            return 1;
        }
    }

    static final class Graph extends NetworkCapture {
        private final ComputationGraph graph;
        private final List<GraphVertex> ordered = new ArrayList<>(); // non-input vertices, topological order

        Graph(ComputationGraph graph) {
            this.graph = graph;
            GraphVertex[] vertices = graph.getVertices();
            for (int idx : graph.topologicalSortOrder()) {
                if (!vertices[idx].isInputVertex()) {
                    ordered.add(vertices[idx]);
                }
            }
        }

        @Override
        void setParameters(INDArray params) {
            graph.setParams(params);
        }

        @Override
        Model cloneModel() {
            return graph.clone();
        }

        @Override
        Model model() {
            return graph;
        }

        @Override
        List<INDArray> forward(INDArray[] inputs, INDArray mask) {
            // Vertex by vertex rather than graph.feedForward, for the same reason as in MultiLayer:
            // an ActivationLayer vertex overwrites its input array in inference mode. Every edge
            // carries its own copy, so no vertex can change another vertex's recorded output.
            LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
            GraphVertex[] vertices = graph.getVertices();
            List<String> networkInputs = graph.getConfiguration().getNetworkInputs();
            Map<String, INDArray> byName = new LinkedHashMap<>();
            graph.setInputs(inputs); // layer vertices read the batch size from the graph's inputs, as in feedForward
            if (mask != null) {
                INDArray[] masks = new INDArray[inputs.length];
                masks[0] = mask;
                graph.setLayerMaskArrays(masks, null);
            }
            try {
                for (int idx : graph.topologicalSortOrder()) {
                    GraphVertex v = vertices[idx];
                    INDArray a;
                    if (v.isInputVertex()) {
                        a = inputs[networkInputs.indexOf(v.getVertexName())];
                    } else {
                        a = v.doForward(false, mgr);
                        byName.put(v.getVertexName(), a);
                    }
                    VertexIndices[] next = v.getOutputVertices();
                    if (next != null) {
                        for (VertexIndices e : next) {
                            vertices[e.getVertexIndex()].setInput(e.getVertexEdgeNumber(), a.dup(), mgr);
                        }
                    }
                }
            } finally {
                graph.clearLayersStates(); // the vertices hold their inputs; this may be the training network
                if (mask != null) {
                    graph.clearLayerMaskArrays();
                }
            }
            List<INDArray> out = new ArrayList<>(ordered.size());
            for (GraphVertex v : ordered) {
                INDArray a = byName.get(v.getVertexName());
                if (a == null) {
                    throw new IllegalStateException("the graph returned no activations for vertex '" + v.getVertexName() + "'");
                }
                out.add(a);
            }
            return out;
        }

        @Override
        List<String> outputNames() {
            return graph.getConfiguration().getNetworkOutputs();
        }

        /**
         * A graph's layers read their input vertices; unless the graph is a chain, the layer says which
         * (the information plane follows them). With labels per output, a layer is measured against
         * the outputs it feeds.
         */
        @Override
        LayerId inGraph(LayerId id, int position, ProbeSet probe) {
            List<String> outputs = outputNames();
            if (probe.outputCount() > 1 && probe.outputCount() != outputs.size()) {
                throw new IllegalArgumentException("the probe set has " + probe.outputCount() + " label arrays, the graph has "
                        + outputs.size() + " outputs " + outputs + ": give one per output, in that order (ProbeSet.ofOutputs)");
            }
            String name = ordered.get(position).getVertexName();
            String head = null;
            if (probe.outputCount() > 1) {
                List<String> fed = outputs.stream().filter(o -> feeds(name, o)).toList();
                head = fed.isEmpty() ? null : String.join("+", fed);
            }
            Map<String, List<String>> inputs = graph.getConfiguration().getVertexInputs();
            List<String> from = chain() ? List.of()
                    : inputs.getOrDefault(name, List.of()).stream().filter(v -> !graph.getConfiguration().getNetworkInputs().contains(v)).toList();
            return head == null && from.isEmpty() ? id : id.withGraph(head, from);
        }

        /** Whether vertex {@code vertex} is {@code output} or lies on a path to it. */
        private boolean feeds(String vertex, String output) {
            if (vertex.equals(output)) {
                return true;
            }
            for (String in : graph.getConfiguration().getVertexInputs().getOrDefault(output, List.of())) {
                if (feeds(vertex, in)) {
                    return true;
                }
            }
            return false;
        }

        /** Every vertex reads at most one other vertex and is read by at most one: the layers' order is the path. */
        private boolean chain() {
            Map<String, Integer> readers = new java.util.HashMap<>();
            for (Map.Entry<String, List<String>> e : graph.getConfiguration().getVertexInputs().entrySet()) {
                if (e.getValue().size() > 1) {
                    return false;
                }
                for (String in : e.getValue()) {
                    if (readers.merge(in, 1, Integer::sum) > 1) {
                        return false;
                    }
                }
            }
            return outputNames().size() == 1;
        }

        @Override
        LayerId describe(int position, long width, int channels) {
            GraphVertex v = ordered.get(position);
            String name = v.getVertexName();
            if (v.hasLayer()) {
                return layerId(position, name, width, channels, v.getLayer());
            }
            return new LayerId(position, name, width(width, name), kind(v), "", channels);
        }

        @Override
        List<WeightedLayer> weightedLayers() {
            List<WeightedLayer> out = new ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                GraphVertex v = ordered.get(i);
                if (v.hasLayer()) {
                    List<String> keys = weightKeys(v.getLayer());
                    if (!keys.isEmpty()) {
                        out.add(new WeightedLayer(i, v.getLayer(), v.getVertexName() + "_", keys));
                    }
                }
            }
            return out;
        }

        @Override
        String configurationJson() {
            return graph.getConfiguration().toJson();
        }

        @Override
        long seed() {
            return graph.getConfiguration().getDefaultConfiguration().getSeed();
        }

        @Override
        int epochCount() {
            return graph.getEpochCount();
        }

        @Override
        long iterationCount() {
            return graph.getIterationCount();
        }

        @Override
        int networkInputs() {
            return graph.getNumInputArrays();
        }
    }
}
