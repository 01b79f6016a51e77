package org.infolens.dl4j;

import java.lang.ref.Reference;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BroadcastOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.IndexAccumulation;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.RandomOp;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;

/**
 * ND4J's CPU executioner with every op (and its context) kept reachable until its native call has
 * returned. ND4J 1.0.0-M2.1 hands libnd4j buffers that only the op holds (the dimension array of a
 * broadcast or a reduction) and never touches the op after the call, so the JIT may drop it while
 * libnd4j runs: a GC at that moment lets ND4J's deallocator thread delete the buffer that libnd4j is
 * about to read (SIGSEGV in {@code sd::DataBuffer::primary}, as in DL4J issue #9278). A full 12-bit
 * run died so in a dense layer's bias broadcast after 1,561 epochs, with the measurement worker's
 * allocations causing a young GC every second. The fences change no value.
 *
 * <p>ND4J picks its executioner once, when it starts, from the system property {@value #PROPERTY}:
 * {@link #select()} before ND4J's first use, or {@link #jvmOption()} on the command line of a JVM
 * that trains (the infolens command line and its Spark executors do this).
 */
public final class FencedOpExecutioner extends NativeOpExecutioner {

    /** The system property ND4J reads its executioner's class from. */
    public static final String PROPERTY = "opexec";

    /** Makes ND4J start with this executioner unless the property names another; no effect once ND4J has started. */
    public static void select() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, FencedOpExecutioner.class.getName());
        }
    }

    /** The JVM option that selects this executioner. */
    public static String jvmOption() {
        return "-D" + PROPERTY + "=" + FencedOpExecutioner.class.getName();
    }

    @Override
    public INDArray exec(Op op, OpContext context) {
        return held(super.exec(op, context), op, context);
    }

    @Override
    public INDArray exec(BroadcastOp op, OpContext context) {
        return held(super.exec(op, context), op, context);
    }

    @Override
    public INDArray exec(ReduceOp op, OpContext context) {
        return held(super.exec(op, context), op, context);
    }

    @Override
    public INDArray exec(IndexAccumulation op, OpContext context) {
        return held(super.exec(op, context), op, context);
    }

    @Override
    public INDArray exec(ScalarOp op, OpContext context) {
        return held(super.exec(op, context), op, context);
    }

    @Override
    public INDArray exec(RandomOp op, OpContext context, Random rng) {
        return held(super.exec(op, context, rng), op, context);
    }

    @Override
    public INDArray[] exec(CustomOp op, OpContext context) {
        return held(super.exec(op, context), op, context);
    }

    /** {@code result}, with {@code op} and {@code context} reachable up to here: after the native call that made it. */
    private static <T> T held(T result, Object op, Object context) {
        Reference.reachabilityFence(op);
        Reference.reachabilityFence(context);
        return result;
    }
}
