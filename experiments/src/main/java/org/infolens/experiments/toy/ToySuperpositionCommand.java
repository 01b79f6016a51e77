package org.infolens.experiments.toy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.infolens.experiments.ExperimentCommand;
import org.infolens.experiments.ExperimentOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code infolens run toy-superposition}: effective features against the toy model of superposition. */
@Command(name = ToySuperposition.NAME, mixinStandardHelpOptions = true,
        description = "Train Elhage et al.'s toy model (20 features, 5 hidden) over a sweep of sparsities and compare the effective"
                + " features F / m of its hidden activations with ||W||^2 / m; writes table.csv and figures/toy-superposition.png.")
public final class ToySuperpositionCommand extends ExperimentCommand {

    @Option(names = "--sparsities", defaultValue = "20", description = "points of the sweep, S from 0.001 to 0.999 (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--steps", defaultValue = "10000", description = "toy model training steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the models, inputs and autoencoders (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--rows", defaultValue = "" + ToySuperposition.ROWS, description = "hidden activation rows the sparse autoencoder"
            + " trains on per sparsity (default ${DEFAULT-VALUE}; fewer for a quick check: F depends on it)")
    int rows;

    @Override
    public ExperimentOutcome launch() throws IOException {
        double[] sparsities = ToySuperposition.sparsities(count);
        if (rows < 2) {
            throw new IllegalArgumentException("--rows must be >= 2, got " + rows);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be >= 1, got " + steps);
        }
        Path dir = directory(outOption(), name());
        out().println("sparsity,reference_W2_over_m,F,F_over_m,seconds");
        ToySuperposition.Result r = ToySuperposition.run(sparsities, steps, rows, seed, p -> {
            out().println(ToySuperposition.row(p));
            out().flush();
        });
        ToySuperposition.writeTable(r, dir.resolve("table.csv"));
        Path figure = dir.resolve("figures/toy-superposition.png");
        ToySuperpositionFigure.writePng(r, figure);
        out().printf(Locale.ROOT, "Pearson r (F/m against ||W||^2/m): %.4f over %d sparsities%n", r.pearson(), r.points().size());
        out().printf(Locale.ROOT, "table:  %s%nfigure: %s%n", dir.resolve("table.csv"), figure);
        return new ExperimentOutcome(name(), List.of(), List.of(dir));
    }
}
