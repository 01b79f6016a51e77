package org.infolens.experiments.toy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.experiments.ExperimentCommand;
import org.infolens.experiments.ExperimentOutcome;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureSpec;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunProvenance;
import org.infolens.run.RunStatus;
import org.infolens.superposition.EffectiveFeatures;
import org.infolens.trajectory.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code infolens run toy-superposition}: effective features against the toy model of superposition. */
@Command(name = ToySuperposition.NAME, mixinStandardHelpOptions = true,
        description = "Bereska et al.'s check of effective features: train Elhage et al.'s toy model (20 features, 5 hidden) over a sweep of"
                + " sparsities and compare the effective features F / m of its hidden activations with ||W||^2 / m (Pearson r with a"
                + " bootstrap interval); writes run.json, table.csv and figures/toy-superposition.png.")
public final class ToySuperpositionCommand extends ExperimentCommand {

    @Option(names = {"--models", "--sparsities"}, defaultValue = "100", description = "toy models, one per sparsity, S from 0.001 to 0.999"
            + " (default ${DEFAULT-VALUE}, the paper's)")
    int count;

    @Option(names = "--steps", defaultValue = "10000", description = "toy model training steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--dictionary-ratio", defaultValue = "8", description = "sparse autoencoder dictionary D = ratio x m (default"
            + " ${DEFAULT-VALUE}, the paper's toy setting; layers default to 4)")
    int dictionaryRatio;

    @Option(names = "--sae", description = "an autoencoder to compare, as more effective-features parameters NAME=VALUE,... (e.g."
            + " lambda=0.1,tied=false,resamples=3; see ./infolens estimators); repeat it to compare several on the same models"
            + " (default: one, the shipped settings)")
    List<String> sae = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "1", description = "seed of the models, inputs and autoencoders (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public ExperimentOutcome launch() throws IOException {
        double[] sparsities = ToySuperposition.sparsities(count);
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be >= 1, got " + steps);
        }
        List<MeasureSpec> specs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Map<String, Object>> measures = new ArrayList<>();
        MeasureSpec shipped = MeasureSpec.parse(EffectiveFeatures.NAME + ":rows=" + ToySuperposition.ROWS + ",dictionaryRatio=" + dictionaryRatio
                + ",warmStart=false,seed=" + seed);
        for (String extra : sae.isEmpty() ? List.of("") : sae) {
            Map<String, Object> params = new LinkedHashMap<>(shipped.params()); // --sae's own values win (rows=1000 for a quick sweep)
            if (!extra.isBlank()) {
                params.putAll(MeasureSpec.parse(EffectiveFeatures.NAME + ":" + extra).params());
            }
            MeasureSpec spec = new MeasureSpec(shipped.name(), params);
            Measure autoencoder = EstimatorCatalog.create(spec); // bad parameters fail here, before a model is trained
            labels.add(autoencoder.label());
            measures.add(RunProvenance.measureEntry(autoencoder.name(), autoencoder.label(), autoencoder.parameters()));
            specs.add(spec);
        }
        if (new java.util.HashSet<>(labels).size() < labels.size()) { // the table and run.json name each autoencoder by its label
            throw new IllegalArgumentException("two --sae settings share a label, their results could not be told apart: " + labels);
        }
        Path dir = directory(outOption(), name());
        // run.json as every run directory has: what was run, and whether it finished (a sweep task and reproduce --master count
        // a run as made only when it says finished; --overwrite replaces only a directory that holds one)
        RunDirectory run = new RunDirectory(dir);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("experiment", name());
        settings.put("models", count);
        settings.put("steps", steps);
        settings.put("dictionaryRatio", dictionaryRatio);
        RunProvenance started = RunProvenance.started(dir.getFileName().toString(), Instant.now()).withSeeds(Map.of("toy", seed))
                .withMeasures(measures).withSettings(settings);
        run.writeProvenance(started);
        out().println(ToySuperposition.HEADER);
        List<ToySuperposition.Result> results;
        Path figure = dir.resolve("figures/toy-superposition.png");
        try {
            results = ToySuperposition.run(sparsities, steps, seed,
                    specs.stream().<Supplier<Measure>>map(spec -> () -> EstimatorCatalog.create(spec)).toList(), points -> {
                        for (int v = 0; v < points.size(); v++) {
                            out().println(ToySuperposition.row(labels.get(v), points.get(v)));
                        }
                        out().flush();
                    });
            ToySuperposition.writeTable(results, dir.resolve("table.csv"));
            ToySuperpositionFigure.writePng(results, figure);
        } catch (IOException | RuntimeException e) {
            run.writeProvenance(started.finish(RunStatus.FAILED, Instant.now(), Map.of("error", String.valueOf(e.getMessage()))));
            throw e;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        for (ToySuperposition.Result r : results) {
            Map<String, Object> sweep = new LinkedHashMap<>(); // null for a correlation that is not a number (a constant F / m)
            sweep.put("models", r.points().size());
            sweep.put("pearson", Json.finiteOrNull(r.pearson()));
            sweep.put("pearsonLow", Json.finiteOrNull(r.pearsonInterval().low()));
            sweep.put("pearsonHigh", Json.finiteOrNull(r.pearsonInterval().high()));
            summary.put(r.autoencoder(), sweep);
        }
        run.writeProvenance(started.finish(RunStatus.FINISHED, Instant.now(), summary));
        for (ToySuperposition.Result r : results) {
            out().printf(Locale.ROOT, "Pearson r (F/m against ||W||^2/m): %.4f, 95%% bootstrap interval [%.4f, %.4f], over %d models; %s%n",
                    r.pearson(), r.pearsonInterval().low(), r.pearsonInterval().high(), r.points().size(), r.autoencoder());
        }
        out().printf(Locale.ROOT, "table:  %s%nfigure: %s%n", dir.resolve("table.csv"), figure);
        return new ExperimentOutcome(name(), List.of(), List.of(dir));
    }
}
