package org.infolens.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureSpec;
import org.infolens.measure.Output;
import org.infolens.trajectory.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The estimator compatibility kit (published as instrument-core's test jar): an estimator's test
 * extends this class and names its measure, ordinary data and the closed forms it must meet. It
 * checks what all measures owe their users (parameters that replay through the catalog, determinism,
 * finite values among its declared outputs, clear errors on input they cannot take) and runs the closed forms, with tolerances
 * stated per estimator and sample size, never loosened to pass. {@link RegisteredEstimatorsContract}
 * runs the same generic checks over every registered estimator.
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

    /** The measure under test, as configured for these checks: a new instance at every call. */
    protected abstract Measure measure();

    /** Ordinary data the measure must estimate finite values on. */
    protected abstract TestData.Case ordinaryData();

    /** Known values with their tolerances. */
    protected abstract List<ClosedForm> closedForms();

    /** Data too small for the measure, or null when any non-empty probe is fine. */
    protected TestData.Case tooSmall() {
        return null;
    }

    /** The layer the checks estimate on. */
    public static LayerId layerOf(TestData.Case c) {
        return new LayerId(0, "contract-layer", c.t().columns(), LayerKind.DENSE, "");
    }

    /** One estimate on {@code c} as the pipeline makes it: a two-pass measure sees the data in its first pass. */
    public static Estimate estimate(Measure m, TestData.Case c) {
        LayerId layer = layerOf(c);
        m.runObserver().ifPresent(o -> {
            o.observe(layer, c.t());
            o.complete();
        });
        return m.estimate(layer, c.t(), c.probe());
    }

    /**
     * The measure the catalog makes of {@code m}'s name and parameters after a trip through JSON text,
     * as a record or run.json keeps them.
     */
    public static Measure replayed(Measure m) {
        try {
            String json = Json.mapper().writeValueAsString(MeasureSpec.of(m));
            return EstimatorCatalog.create(Json.mapper().readValue(json, MeasureSpec.class));
        } catch (JsonProcessingException e) {
            throw new AssertionError(m.label() + ": parameters do not go through JSON: " + e.getMessage(), e);
        }
    }

    /** {@code replay} is {@code original} again: same name, label and parameters (as JSON). */
    public static void assertSameConfiguration(Measure original, Measure replay) {
        assertEquals(original.name(), replay.name());
        assertEquals(original.label(), replay.label());
        try {
            assertEquals(Json.mapper().writeValueAsString(original.parameters()), Json.mapper().writeValueAsString(replay.parameters()),
                    original.label() + ": the replayed parameters");
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code c} with its last row left out of the layer but not of the probe. */
    public static TestData.Case lessRowsThanProbe(TestData.Case c) {
        return new TestData.Case(c.t().selectRows(IntStream.range(0, c.t().rows() - 1).toArray()), c.probe());
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
    void parametersReplayThroughTheCatalogAndToStringShowsThem() {
        Measure m = measure();
        Measure replay = replayed(m);
        assertSameConfiguration(m, replay);
        assertEquals(estimate(m, ordinaryData()).values(), estimate(replay, ordinaryData()).values(), "replayed values");
        assertTrue(m.parameters().values().stream().noneMatch(java.util.Objects::isNull), "no parameter left unresolved: " + m);
        for (String k : m.parameters().keySet()) {
            assertTrue(m.toString().contains(k), "toString shows " + k + ": " + m);
        }
        assertTrue(m.label().startsWith(m.name()), m.label());
    }

    @Test
    void sameInputGivesTheSameValues() {
        TestData.Case c = ordinaryData();
        assertEquals(estimate(measure(), c).values(), estimate(measure(), c).values());
    }

    @Test
    void ordinaryDataGivesFiniteValuesThatItDeclares() {
        Measure m = measure();
        Estimate e = estimate(m, ordinaryData());
        assertFalse(e.values().isEmpty());
        e.values().values().forEach(v -> assertTrue(Double.isFinite(v)));
        assertDeclared(m, e);
    }

    /** Every value of {@code e} is among {@code m}'s declared outputs (so it has a unit). */
    public static void assertDeclared(Measure m, Estimate e) {
        List<String> declared = m.outputs().stream().map(Output::name).toList();
        assertTrue(declared.containsAll(e.values().keySet()), m.label() + " gives " + e.values().keySet() + ", declares " + declared);
    }

    @Test
    void aProbeThatDoesNotMatchTheLayerIsAnErrorNamingIt() {
        TestData.Case c = lessRowsThanProbe(ordinaryData());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> estimate(measure(), c));
        assertTrue(e.getMessage().contains(layerOf(c).name()), e.getMessage());
    }

    @Test
    void tooLittleDataIsAClearError() {
        TestData.Case c = tooSmall();
        if (c == null) {
            return;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> estimate(measure(), c));
        assertTrue(e.getMessage() != null && e.getMessage().length() > 10, "a message that names the problem");
    }

    @Test
    void repeatedRowsGiveAValueOrAClearError() {
        TestData.Case c = ordinaryData();
        float[] v = new float[c.t().size()];
        for (int r = 0; r < c.t().rows(); r++) {
            for (int j = 0; j < c.t().columns(); j++) {
                v[r * c.t().columns() + j] = (float) c.t().get(r / 2 * 2, j); // every row twice
            }
        }
        TestData.Case ties = new TestData.Case(Activations.wrap(v, c.t().rows(), c.t().columns()), c.probe());
        try {
            estimate(measure(), ties).values().values().forEach(x -> assertTrue(Double.isFinite(x)));
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("repeated") || e.getMessage().contains("jitter"), e.getMessage());
        }
    }

    /** A probe of n unlabelled-but-labelled-zero rows with inputs z. */
    protected static Probe withInputs(int n, Activations z) {
        return Probe.of(new int[n]).withInputs(z);
    }
}
