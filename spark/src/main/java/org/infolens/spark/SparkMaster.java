package org.infolens.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.infolens.dl4j.FencedOpExecutioner;

/**
 * Where infolens' Spark jobs run, and the one way they start a Spark context: {@code local[N]} in this
 * JVM (the default, nothing to install) or a standalone cluster {@code spark://host:port}. Checked
 * before anything starts: an unreachable master is an error within seconds (Spark itself would retry
 * for a minute), and a cluster that accepts the application but gives it no executor is an error too.
 * Failed tasks are retried {@code maxAttempts - 1} times in every mode (local mode does not retry
 * unless told: {@code local[N]} becomes {@code local[N,maxAttempts]}).
 *
 * @param url         the master URL as given
 * @param maxAttempts attempts per task before the job fails (Spark's spark.task.maxFailures)
 */
public record SparkMaster(String url, int maxAttempts) {

    /** The default: every core of this machine, in this JVM. */
    public static final String LOCAL = "local[*]";

    /** How long {@link #start} waits for a cluster's first executor. */
    public static final int EXECUTOR_WAIT_SECONDS = 60;

    private static final Pattern LOCAL_URL = Pattern.compile("local(\\[(\\*|\\d+)(,\\s*\\d+)?])?");

    public SparkMaster {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("--master is empty; give local[N] or spark://host:port");
        }
        if (!LOCAL_URL.matcher(url).matches() && !url.startsWith("spark://")) {
            throw new IllegalArgumentException("--master " + url + ": infolens runs on local, local[N] or a standalone cluster spark://host:port");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("--max-attempts must be >= 1, got " + maxAttempts);
        }
    }

    /** Whether the tasks run in this JVM. */
    public boolean local() {
        return !url.startsWith("spark://");
    }

    /** The URL Spark is given: local mode with its retries spelt out. */
    String sparkUrl() {
        Matcher m = LOCAL_URL.matcher(url);
        if (!m.matches()) {
            return url;
        }
        String threads = m.group(2) == null ? "1" : m.group(2);
        return "local[" + threads + "," + maxAttempts + "]";
    }

    /**
     * Checks that a cluster's master answers on its port (2 s per address): a one-line
     * {@link IllegalArgumentException} naming it otherwise. Local masters always pass.
     */
    public void checkReachable() {
        if (local()) {
            return;
        }
        IOException last = null;
        for (String hostPort : url.substring("spark://".length()).split(",")) { // standby masters are listed with commas
            URI u = URI.create("spark://" + hostPort);
            if (u.getHost() == null || u.getPort() < 0) {
                throw new IllegalArgumentException("--master " + url + ": expected spark://host:port");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 2000);
                return;
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IllegalArgumentException("cannot reach the Spark master " + url + " (" + last.getMessage()
                + "); start it (scripts/spark-cluster starts one here) or give another --master", last);
    }

    /**
     * Starts the Spark context for application {@code appName}: {@link #checkReachable} first, executors
     * with one OpenMP thread per task (each task trains one network), Spark's logging at WARN through
     * infolens' SLF4J binding. On a cluster it waits up to {@link #EXECUTOR_WAIT_SECONDS} for an executor.
     */
    public JavaSparkContext start(String appName) {
        checkReachable();
        quietSparkLogging();
        SparkConf conf = new SparkConf().setMaster(sparkUrl()).setAppName(appName)
                .set("spark.task.maxFailures", String.valueOf(maxAttempts))
                .set("spark.ui.enabled", "false")
                .set("spark.executorEnv.OMP_NUM_THREADS", "1")
                // executors read the same classes as this driver: the infolens distribution at the same path on every node
                .set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .set("spark.executor.extraJavaOptions", String.join(" ", quietLoggingOptions()) + " -Djava.awt.headless=true "
                        + FencedOpExecutioner.jvmOption() // executors train: ops kept reachable through their native calls
                        + javacppMemoryOption());
        if (!local()) {
            conf.set("spark.driver.host", System.getProperty("infolens.spark.driverHost", localAddressTowards()));
        }
        JavaSparkContext sc = new JavaSparkContext(conf);
        if (!local()) {
            awaitExecutor(sc);
        }
        return sc;
    }

    private void awaitExecutor(JavaSparkContext sc) {
        long deadline = System.nanoTime() + EXECUTOR_WAIT_SECONDS * 1_000_000_000L;
        while (sc.sc().statusTracker().getExecutorInfos().length < 2) { // the driver counts as one
            if (System.nanoTime() > deadline) {
                sc.stop();
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the Spark master %s accepted the application but no"
                        + " executor started within %d s: no live worker, or none with the memory or cores asked", url, EXECUTOR_WAIT_SECONDS));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sc.stop();
                throw new IllegalStateException("interrupted while waiting for executors", e);
            }
        }
    }

    /** The address of this machine that the master sees (the one a socket towards it leaves from). */
    private String localAddressTowards() {
        URI u = URI.create("spark://" + url.substring("spark://".length()).split(",")[0]);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 2000);
            return s.getLocalAddress().getHostAddress();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot reach the Spark master " + url + " (" + e.getMessage() + ")", e);
        }
    }

    /** Spark logs at INFO by default: through slf4j-simple, its own packages at WARN unless the user said otherwise. */
    static void quietSparkLogging() {
        for (String option : quietLoggingOptions()) {
            String[] kv = option.substring(2).split("=", 2);
            if (System.getProperty(kv[0]) == null) {
                System.setProperty(kv[0], kv[1]);
            }
        }
    }

    /**
     * The driver's JavaCPP physical-memory limit, passed on: the launcher sets it to 0 because JavaCPP otherwise reads
     * /proc/self/statm on every native allocation (a third of a training step), and executors train.
     */
    private static String javacppMemoryOption() {
        String maxPhysical = System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes");
        return maxPhysical == null ? "" : " -Dorg.bytedeco.javacpp.maxPhysicalBytes=" + maxPhysical;
    }

    private static List<String> quietLoggingOptions() {
        return List.of("-Dorg.slf4j.simpleLogger.log.org.apache.spark=warn", "-Dorg.slf4j.simpleLogger.log.org.sparkproject=warn",
                "-Dorg.slf4j.simpleLogger.log.org.apache.hadoop=error", "-Dorg.slf4j.simpleLogger.log.io.netty=warn",
                "-Dorg.slf4j.simpleLogger.log.org.nd4j.linalg.factory.Nd4jBackend=warn",
                "-Dorg.slf4j.simpleLogger.log.org.nd4j.linalg.cpu.nativecpu.CpuNDArrayFactory=warn");
    }

    @Override
    public String toString() {
        return "SparkMaster[" + url + ", maxAttempts=" + maxAttempts + "]";
    }
}
