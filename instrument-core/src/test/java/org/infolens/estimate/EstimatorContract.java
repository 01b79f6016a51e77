package org.infolens.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The estimator compatibility kit: every estimator's test extends this class. It checks what all
 * measures owe their users (parameters in full, determinism, finite values, clear errors on input
 * they cannot take) and runs the closed forms each estimator declares, with tolerances stated per
 * estimator and sample size, never loosened to pass.
 */
public abstract class EstimatorContract {

    /**
     * A known value: estimate {@code value} on {@code repeats} seeded samples (seeds 1..repeats), expect
     * their mean within {@code tolerance} bits. One sample when the sampling spread is small beside
     * the tolerance; several when the bar is about the estimator's bias, not one draw's luck.
     */
    public record ClosedForm(String name, LongFunction<TestData.Case> data, String value, double expectedBits,
                             double toleranceBits, int repeats) {

        public ClosedForm(String name, Supplier<TestData.Case> data, String value, double expectedBits, double toleranceBits) {
            this(name, seed -> data.get(), value, expectedBits, toleranceBits, 1);
        }
    }

    /** The measure under test, as configured for these checks. */
    protected abstract Measure measure();

    /** Ordinary data the measure must estimate finite values on. */
    protected abstract TestData.Case ordinaryData();

    /** Known values with their tolerances. */
    protected abstract List<ClosedForm> closedForms();

    /** Data too small for the measure, or null when any non-empty probe is fine. */
    protected TestData.Case tooSmall() {
        return null;
    }

    protected static Estimate estimate(Measure m, TestData.Case c) {
        LayerId layer = new LayerId(0, "layer", c.t().columns(), LayerKind.DENSE, "");
        m.runObserver().ifPresent(o -> {
            o.observe(layer, c.t());
            o.complete();
        });
        return m.estimate(layer, c.t(), c.probe());
    }

    protected static final double LN2 = Math.log(2);

    @TestFactory
    Stream<DynamicTest> closedFormsHold() {
        return closedForms().stream().map(cf -> DynamicTest.dynamicTest(cf.name(), () -> {
            double sum = 0;
            for (long seed = 1; seed <= cf.repeats(); seed++) {
                sum += estimate(measure(), cf.data().apply(seed)).value(cf.value());
            }
            assertEquals(cf.expectedBits(), sum / cf.repeats(), cf.toleranceBits(), cf.name() + ": " + cf.value());
        }));
    }

    @Test
    void parametersAreCompleteAndShownByToString() {
        Measure m = measure();
        Map<String, Object> p = m.parameters();
        assertFalse(p.isEmpty(), "every parameter, defaults included");
        assertTrue(p.values().stream().noneMatch(java.util.Objects::isNull), "no parameter left unresolved: " + p);
        for (String k : p.keySet()) {
            assertTrue(m.toString().contains(k), "toString shows " + k + ": " + m);
        }
        assertTrue(m.label().startsWith(m.name()), m.label());
    }

    @Test
    void sameInputGivesTheSameValues() {
        TestData.Case c = ordinaryData();
        assertEquals(estimate(measure(), c).valuesBits(), estimate(measure(), c).valuesBits());
    }

    @Test
    void ordinaryDataGivesFiniteValues() {
        Estimate e = estimate(measure(), ordinaryData());
        assertFalse(e.valuesBits().isEmpty());
        e.valuesBits().values().forEach(v -> assertTrue(Double.isFinite(v)));
    }

    @Test
    void tooLittleDataIsAClearError() {
        TestData.Case c = tooSmall();
        if (c == null) {
            return;
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> estimate(measure(), c));
        assertTrue(e.getMessage() != null && e.getMessage().length() > 10, "a message that names the problem");
    }

    @Test
    void repeatedRowsGiveAValueOrAClearError() {
        TestData.Case c = ordinaryData();
        float[] v = new float[c.t().size()];
        for (int r = 0; r < c.t().rows(); r++) {
            for (int j = 0; j < c.t().columns(); j++) {
                v[r * c.t().columns() + j] = c.t().get(r / 2 * 2, j); // every row twice
            }
        }
        TestData.Case ties = new TestData.Case(Activations.wrap(v, c.t().rows(), c.t().columns()), c.probe());
        try {
            estimate(measure(), ties).valuesBits().values().forEach(x -> assertTrue(Double.isFinite(x)));
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("repeated") || e.getMessage().contains("jitter"), e.getMessage());
        }
    }

    /** A probe of n unlabelled-but-labelled-zero rows with inputs z. */
    protected static Probe withInputs(int n, Activations z) {
        return Probe.of(new int[n]).withInputs(z);
    }
}
