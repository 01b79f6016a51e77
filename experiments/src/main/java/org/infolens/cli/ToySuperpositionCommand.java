package org.infolens.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.infolens.experiments.toy.ToySuperposition;
import org.infolens.experiments.toy.ToySuperpositionFigure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code infolens run toy-superposition}: effective features against the toy model of superposition. */
@Command(name = "toy-superposition", mixinStandardHelpOptions = true,
        description = "Train Elhage et al.'s toy model (20 features, 5 hidden) over a sweep of sparsities and compare the effective"
                + " features F / m of its hidden activations with ||W||^2 / m; writes table.csv and figures/toy-superposition.png.")
final class ToySuperpositionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sparsities", defaultValue = "20", description = "points of the sweep, S from 0.001 to 0.999 (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--steps", defaultValue = "10000", description = "toy model training steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the models, inputs and autoencoders (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", description = "output directory (default runs/toy-superposition)")
    Path out;

    @Option(names = "--overwrite", description = "empty --out first if it holds an earlier run")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        double[] sparsities = ToySuperposition.sparsities(count);
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be >= 1, got " + steps);
        }
        Path dir = RunDirectories.choose(out, "toy-superposition", overwrite);
        out().println("sparsity,reference_W2_over_m,F,F_over_m,seconds");
        ToySuperposition.Result r = ToySuperposition.run(sparsities, steps, seed, p -> {
            out().println(ToySuperposition.row(p));
            out().flush();
        });
        ToySuperposition.writeTable(r, dir.resolve("table.csv"));
        Path figure = dir.resolve("figures/toy-superposition.png");
        ToySuperpositionFigure.writePng(r, figure);
        out().printf(Locale.ROOT, "Pearson r (F/m against ||W||^2/m): %.4f over %d sparsities%n", r.pearson(), r.points().size());
        out().printf(Locale.ROOT, "table:  %s%nfigure: %s%n", dir.resolve("table.csv"), figure);
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
