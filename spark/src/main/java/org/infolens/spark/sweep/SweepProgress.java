package org.infolens.spark.sweep;

import java.io.PrintWriter;
import java.util.Locale;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * The sweep's progress on the driver's terminal, from Spark's task events: runs done (of the whole
 * grid, earlier sweeps' included), running, failed attempts (Spark retries them), and the time left
 * at the pace of this sweep's finished runs. A line per event, at most one every 2 s but always on a
 * failure and at the end.
 */
final class SweepProgress extends SparkListener {

    private final PrintWriter out;
    private final int total;
    private final int doneBefore;
    private final long t0 = System.nanoTime();
    private int done;
    private int running;
    private int failedAttempts;
    private long lastPrint;

    SweepProgress(PrintWriter out, int total, int doneBefore) {
        this.out = out;
        this.total = total;
        this.doneBefore = doneBefore;
    }

    @Override
    public synchronized void onTaskStart(SparkListenerTaskStart start) {
        running++;
        print(false);
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        running = Math.max(0, running - 1);
        boolean ok = end.taskInfo().successful();
        if (ok) {
            done++;
        } else {
            failedAttempts++;
        }
        print(!ok || doneBefore + done == total);
    }

    /** The counts now, as the line prints them. */
    synchronized String line() {
        double elapsed = (System.nanoTime() - t0) / 1e9;
        int left = total - doneBefore - done;
        String eta = done == 0 ? "?" : duration(elapsed / done * left);
        return String.format(Locale.ROOT, "sweep: %d/%d runs done (%d before this sweep), %d running, %d failed attempts, %s elapsed, ETA %s",
                doneBefore + done, total, doneBefore, running, failedAttempts, duration(elapsed), left == 0 ? "0s" : eta);
    }

    synchronized int failedAttempts() {
        return failedAttempts;
    }

    private void print(boolean always) {
        long now = System.nanoTime();
        if (always || now - lastPrint > 2_000_000_000L) {
            lastPrint = now;
            out.println(line());
            out.flush();
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
