package org.infolens.experiments;

import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.infolens.pipeline.PipelineSummary;

/**
 * A progress bar for estimation that outlasts training (the queued epochs a listener still measures
 * when fit returns, or an offline recompute): recorded epochs measured out of those queued, with an
 * ETA, polled from the pipeline's counts on a daemon thread. Silent in quiet mode.
 */
public final class EstimationProgress implements AutoCloseable {

    private final ProgressBar bar;
    private final Thread poller;
    private final Supplier<PipelineSummary> counts;

    public EstimationProgress(String task, Supplier<PipelineSummary> counts, boolean quiet) {
        this.counts = counts;
        PipelineSummary s = counts.get();
        long pending = s.submitted() - s.skipped() - s.measured();
        if (quiet || pending <= 0) {
            this.bar = null;
            this.poller = null;
            return;
        }
        this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(s.submitted() - s.skipped()).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).setUnit(" epochs", 1).build();
        bar.stepTo(s.measured());
        this.poller = new Thread(this::poll, "infolens-estimation-progress");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (!Thread.currentThread().isInterrupted()) {
            PipelineSummary s = counts.get();
            bar.maxHint(s.submitted() - s.skipped());
            bar.stepTo(s.measured());
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        if (bar == null) {
            return;
        }
        poller.interrupt();
        try {
            poller.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PipelineSummary s = counts.get();
        bar.stepTo(s.measured());
        bar.close();
    }
}
