package org.infolens.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The SIGSEGV of the full reproduce suite (issue 18): ND4J 1.0.0-M2.1 lets the JIT drop an op while
 * its native call runs, and a GC then lets ND4J's deallocator free the op's dimension buffer under
 * libnd4j. A child JVM repeats the crashing path, a bias row added to a matrix as a dense layer's
 * forward pass does, while another thread allocates so that young GCs stop it at any point. The child
 * runs with the executioner this JVM was given: the build gives tests {@link FencedOpExecutioner}.
 */
class FencedOpExecutionerTest {

    /**
     * Seconds the child repeats the broadcast. Measured on a loaded 2-core machine: with ND4J's own
     * executioner the child died of SIGSEGV in DataBuffer::primary 3 times in 3, 3.3-4.4 s after it started;
     * fenced, 3 runs of 30 s (190,000-420,000 broadcasts, 15,000-23,000 GCs each) ended normally.
     */
    private static final int SECONDS = 10;

    @Test
    void testsRunWithTheFencedExecutioner() {
        assertInstanceOf(FencedOpExecutioner.class, Nd4j.getExecutioner(), "the build's " + FencedOpExecutioner.PROPERTY + " property");
    }

    @Test
    void broadcastsSurviveGarbageCollections() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Xmn8m")); // a small young generation: a GC every few milliseconds
        String executioner = System.getProperty(FencedOpExecutioner.PROPERTY);
        if (executioner != null) {
            cmd.add("-D" + FencedOpExecutioner.PROPERTY + "=" + executioner);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BroadcastUnderGc.class.getName(), String.valueOf(SECONDS)));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, child.exitValue(), "the child died (134: SIGSEGV):\n" + output);
        assertTrue(output.contains("FencedOpExecutioner"), output);
    }

    /** The child JVM: bias broadcasts on the main thread for {@code args[0]} seconds while a thread allocates; prints the counts. */
    public static final class BroadcastUnderGc {
        static volatile byte[] garbage; // published, so the JIT cannot drop the allocation

        public static void main(String[] args) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[0]));
            AtomicBoolean done = new AtomicBoolean();
            Thread allocating = new Thread(() -> {
                while (!done.get()) {
                    garbage = new byte[64 * 1024];
                }
            }, "allocating");
            allocating.start();
            INDArray z = Nd4j.zeros(DataType.FLOAT, 4, 8);
            INDArray bias = Nd4j.zeros(DataType.FLOAT, 1, 8);
            long broadcasts = 0;
            while (System.nanoTime() < end) {
                z.addiRowVector(bias);
                broadcasts++;
            }
            done.set(true);
            long gcs = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount).sum();
            System.out.println(Nd4j.getExecutioner().getClass().getSimpleName() + ": " + broadcasts + " broadcasts, " + gcs + " GCs");
        }
    }
}
