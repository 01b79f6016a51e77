package org.infolens.cli.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.infolens.bmi.BmiTask;
import org.infolens.cli.bench.BmiBench.Cell;

/** The results of {@code bench bmi}: tasks x estimators x N, printed, as TSV, and as what the heat map draws. */
record BmiTable(List<BmiTask> tasks, List<String> estimators, List<Integer> sizes, Cell[][][] cells, boolean intervals, boolean verdict) {

    Cell cell(int task, int estimator, int size) {
        return cells[task][estimator][size];
    }

    /** The smallest N from which the task stays solved at every larger N, or -1. */
    int solvedFrom(int task, int estimator) {
        int from = -1;
        for (int ni = sizes.size() - 1; ni >= 0; ni--) {
            if (!cell(task, estimator, ni).solved(tasks.get(task).truthNats())) {
                break;
            }
            from = sizes.get(ni);
        }
        return from;
    }

    int solvedCount(int estimator, int size) {
        int c = 0;
        for (int ti = 0; ti < tasks.size(); ti++) {
            c += cell(ti, estimator, size).solved(tasks.get(ti).truthNats()) ? 1 : 0;
        }
        return c;
    }

    void print(PrintWriter w) {
        for (int ci = 0; ci < estimators.size(); ci++) {
            w.printf(Locale.ROOT, "%n== %s: mean estimate / truth over the seeds (* solved: within a factor 1.5) ==%n", estimators.get(ci));
            w.printf(Locale.ROOT, "%-40s %8s", "task", "truth");
            for (int n : sizes) {
                w.printf(Locale.ROOT, " %9s", "N=" + n);
            }
            w.printf(Locale.ROOT, " %12s %9s%s%s%n", "solved from", "s/est", intervals ? "  covered" : "", verdict ? "  unreliable" : "");
            for (int ti = 0; ti < tasks.size(); ti++) {
                double truth = tasks.get(ti).truthNats();
                w.printf(Locale.ROOT, "%-40s %8.3f", tasks.get(ti).name(), truth);
                int covered = 0;
                int withInterval = 0;
                int unreliable = 0;
                for (int ni = 0; ni < sizes.size(); ni++) {
                    Cell c = cell(ti, ci, ni);
                    unreliable += c.unreliable();
                    w.printf(Locale.ROOT, " %9s", c.error() != null ? "error" : String.format(Locale.ROOT, "%.2f%s", c.mean() / truth,
                            c.solved(truth) ? "*" : " "));
                    covered += c.covered();
                    withInterval += c.withInterval();
                }
                int from = solvedFrom(ti, ci);
                Cell last = cell(ti, ci, sizes.size() - 1);
                w.printf(Locale.ROOT, " %12s %9.3f%s%s%n", from < 0 ? "-" : String.valueOf(from), last.seconds(),
                        intervals ? String.format(Locale.ROOT, "  %d/%d", covered, withInterval) : "",
                        verdict ? String.format(Locale.ROOT, "  %d/%d", unreliable, sizes.size() * last.nats().length) : "");
                if (last.error() != null) {
                    w.printf(Locale.ROOT, "    error: %s%n", last.error());
                }
            }
        }
        w.printf(Locale.ROOT, "%n== solved tasks (of %d) ==%n%-40s", tasks.size(), "estimator");
        for (int n : sizes) {
            w.printf(Locale.ROOT, " %9s", "N=" + n);
        }
        w.printf(Locale.ROOT, " %12s%s%s%n", "mean s/est", intervals ? "   coverage" : "", verdict ? "   unreliable" : "");
        for (int ci = 0; ci < estimators.size(); ci++) {
            w.printf(Locale.ROOT, "%-40s", estimators.get(ci));
            for (int ni = 0; ni < sizes.size(); ni++) {
                w.printf(Locale.ROOT, " %9d", solvedCount(ci, ni));
            }
            double seconds = 0;
            int covered = 0;
            int withInterval = 0;
            int unreliable = 0;
            int estimates = 0;
            for (int ti = 0; ti < tasks.size(); ti++) {
                seconds += cell(ti, ci, sizes.size() - 1).seconds() / tasks.size();
                for (int ni = 0; ni < sizes.size(); ni++) {
                    covered += cell(ti, ci, ni).covered();
                    withInterval += cell(ti, ci, ni).withInterval();
                    unreliable += cell(ti, ci, ni).unreliable();
                    estimates += cell(ti, ci, ni).nats().length;
                }
            }
            w.printf(Locale.ROOT, " %12.3f%s%s%n", seconds, intervals ? String.format(Locale.ROOT, "   %d/%d", covered, withInterval) : "",
                    verdict ? String.format(Locale.ROOT, "   %d/%d", unreliable, estimates) : "");
        }
        w.printf(Locale.ROOT, "(seconds per estimate at N = %d)%n", sizes.get(sizes.size() - 1));
        w.flush();
    }

    /** One line per task, estimator and N: the means in nats, seconds, coverage, error. */
    String tsv() {
        StringBuilder b = new StringBuilder("task\tdim_x\tdim_y\ttruth_nats\testimator\tn\tmean_nats\tratio\tsolved\tseconds\tcovered\twith_interval"
                + "\tunreliable\terror\n");
        for (int ti = 0; ti < tasks.size(); ti++) {
            BmiTask t = tasks.get(ti);
            for (int ci = 0; ci < estimators.size(); ci++) {
                for (int ni = 0; ni < sizes.size(); ni++) {
                    Cell c = cell(ti, ci, ni);
                    b.append(String.format(Locale.ROOT, "%s\t%d\t%d\t%.6f\t%s\t%d\t%.6f\t%.4f\t%b\t%.4f\t%d\t%d\t%d\t%s%n", t.name(), t.dimX(),
                            t.dimY(), t.truthNats(), estimators.get(ci), sizes.get(ni), c.mean(), c.mean() / t.truthNats(),
                            c.solved(t.truthNats()), c.seconds(), c.covered(), c.withInterval(), c.unreliable(),
                            c.error() == null ? "" : c.error()));
                }
            }
        }
        return b.toString();
    }
}
