package org.infolens.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.infolens.cli.Estimation;
import org.infolens.data.ActivationSnapshot;
import org.infolens.data.LayerActivations;
import org.infolens.data.Probe;
import org.infolens.io.ActivationStore;
import org.infolens.measure.Measure;
import org.infolens.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/**
 * Agreement of the binning estimators with pyref.py on a run's real activations (a run made with
 * --save-activations): every edge strategy, every layer, several epochs. Global min-max uses the
 * run's observed range over all stored layers and epochs; adaptive uses the layer's activation
 * lower limit; both are passed to pyref explicitly.
 */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = "Binning values against pyref.py on the saved activations of a run (run ... --save-activations).")
final class AgreementBench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "RUN", description = "run directory with activations/")
    Path run;

    @Option(names = "--epochs", defaultValue = "6", description = "recorded epochs to check, spread over the run (default ${DEFAULT-VALUE})")
    int epochs;

    @Mixin
    PyRefOptions reference;

    @Override
    public Integer call() throws Exception {
        PyRef pyref = reference.locate();
        Path dir = new RunDirectory(run).activationsDirectory();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(run + " has no activations/ (run it with --save-activations)");
        }
        ActivationStore store = ActivationStore.in(dir);
        List<Path> stored = store.storedEpochs();
        if (stored.isEmpty()) {
            throw new IllegalArgumentException(dir + " holds no complete epoch");
        }
        Probe probe = store.loadProbe();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Path p : stored) {
            for (LayerActivations l : ActivationStore.load(p).layers()) {
                lo = Math.min(lo, l.values().min());
                hi = Math.max(hi, l.values().max());
            }
        }
        List<Path> chosen = new ArrayList<>();
        for (int i = 0; i < Math.min(epochs, stored.size()); i++) {
            int k = (int) Math.round(i * (stored.size() - 1) / Math.max(1.0, Math.min(epochs, stored.size()) - 1));
            if (!chosen.contains(stored.get(k))) {
                chosen.add(stored.get(k));
            }
        }
        Path labelsFile = dir.resolve("probe-labels.npy");
        Map<String, double[]> worst = new LinkedHashMap<>(); // strategy -> {comparisons, max |diff|}
        out().printf(Locale.ROOT, "run %s: %d of %d stored epochs, global range [%.6g, %.6g]; pyref: %s%n", run, chosen.size(),
                stored.size(), lo, hi, pyref);
        for (Path epochDir : chosen) {
            ActivationSnapshot s = ActivationStore.load(epochDir);
            for (LayerActivations l : s.layers()) {
                Path file = epochDir.resolve(String.format("layer-%02d-%s.npy", l.layer().index(), l.layer().name().replaceAll("[^A-Za-z0-9_.-]", "_")));
                String low = l.layer().activation().equals("tanh") ? "-1.000001" : "0";
                List<Map<String, String>> configs = List.of(
                        Map.of("edges", "fixed-range"),
                        Map.of("edges", "fixed-width", "binSize", "0.07"),
                        Map.of("edges", "global-minmax", "bins", "100", "lo", Double.toString(lo), "hi", Double.toString(hi)),
                        Map.of("edges", "adaptive", "low", low));
                for (Map<String, String> params : configs) {
                    PyRef.Result ref = pyref.run("binning", file, labelsFile, params);
                    Measure m = BenchSupport.measure("binning", params);
                    Estimation.Outcome ours = Estimation.estimateOnce(m, l.values(), probe);
                    double diff = 0;
                    for (Map.Entry<String, Double> e : ref.values().entrySet()) {
                        diff = Math.max(diff, Math.abs(e.getValue() - ours.estimate().value(e.getKey())));
                    }
                    double[] w = worst.computeIfAbsent(params.get("edges"), k -> new double[2]);
                    w[0]++;
                    w[1] = Math.max(w[1], diff);
                }
            }
            out().printf(Locale.ROOT, "  epoch %d: %d layers checked%n", s.epoch(), s.layers().size());
        }
        out().printf(Locale.ROOT, "%n%-14s %12s %18s%n", "edges", "comparisons", "max |diff| (bits)");
        worst.forEach((k, w) -> out().printf(Locale.ROOT, "%-14s %12d %18.3e%n", k, (int) w[0], w[1]));
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
