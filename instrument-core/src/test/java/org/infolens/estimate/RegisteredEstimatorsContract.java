package org.infolens.estimate;

import static org.infolens.estimate.EstimatorContract.assertSameConfiguration;
import static org.infolens.estimate.EstimatorContract.estimate;
import static org.infolens.estimate.EstimatorContract.layerOf;
import static org.infolens.estimate.EstimatorContract.replayed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.infolens.config.Config;
import org.infolens.config.Param;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureProvider;
import org.infolens.measure.MeasureSpec;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The generic part of the estimator kit, run over every estimator the catalog finds through
 * {@link java.util.ServiceLoader}, so that none goes unchecked: its defaults and every valid
 * one-parameter variant of them replay through JSON text to the same measure (label and parameters,
 * and values for the defaults and a variant: two instances of one configuration give the same values);
 * ordinary data gives finite values among the declared outputs; a probe that does not match the layer is an error naming it;
 * the shared wrappers replay too. A module runs it by extending this class (infolens' own run it in
 * {@code RegisteredEstimatorsTest}); closed forms stay with each estimator's {@link EstimatorContract}.
 */
public abstract class RegisteredEstimatorsContract {

    /** The families to check: every registered one, unless a subclass narrows it to its own. */
    protected List<MeasureProvider> providers() {
        return EstimatorCatalog.all();
    }

    /**
     * Ordinary data every estimator must take: 160 rows, 3 classes, inputs X of 6 columns, a layer T of
     * 4 tanh units driven by X and the label.
     */
    protected TestData.Case data() {
        int n = 160;
        SplittableRandom rnd = new SplittableRandom(1313);
        int[] y = new int[n];
        double[][] x = new double[n][6];
        double[][] t = new double[n][4];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextInt(3);
            for (int j = 0; j < 6; j++) {
                x[i][j] = rnd.nextDouble(-1, 1);
            }
            for (int u = 0; u < 4; u++) {
                t[i][u] = Math.tanh(x[i][u] + 0.5 * x[i][u + 2] + 0.6 * (y[i] - 1) + 0.1 * rnd.nextDouble(-1, 1));
            }
        }
        return new TestData.Case(Activations.ofRows(t), Probe.of(y).withInputs(Activations.ofRows(x)));
    }

    /**
     * Settings that only make estimates quicker (fewer training epochs), for the checks that estimate:
     * those check the defaults with these changes and variants of that; the plain defaults still replay.
     */
    protected Map<String, Object> quicker(MeasureProvider p) {
        return Map.of();
    }

    @TestFactory
    Stream<DynamicNode> everyRegisteredEstimatorKeepsTheContract() {
        TestData.Case data = data();
        return providers().stream().map(p -> DynamicContainer.dynamicContainer(p.name(), Stream.of(
                DynamicTest.dynamicTest("its defaults replay", () -> {
                    Measure m = p.create(Map.of());
                    assertSameConfiguration(m, replayed(m));
                }),
                DynamicTest.dynamicTest("it replays with the same finite values, which it declares", () -> {
                    Measure m = p.create(quicker(p));
                    Estimate e = replaysWithValues(m, data);
                    assertFalse(e.values().isEmpty(), p.name() + " gives no value");
                    e.values().forEach((k, v) -> assertTrue(Double.isFinite(v), k + " = " + v));
                    EstimatorContract.assertDeclared(m, e);
                }),
                DynamicTest.dynamicTest("every one-parameter variant replays", () -> variantsReplay(p, data)),
                DynamicTest.dynamicTest("with the shared wrappers it replays", () -> wrappersReplay(p)),
                DynamicTest.dynamicTest("a probe that does not match the layer is an error naming it", () -> {
                    TestData.Case bad = EstimatorContract.lessRowsThanProbe(data);
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> estimate(p.create(quicker(p)), bad));
                    assertTrue(e.getMessage().contains(layerOf(bad).name()), e.getMessage());
                }))));
    }

    /** Checks that {@code m} replays to the same configuration and values (two instances: determinism too); its estimate. */
    private static Estimate replaysWithValues(Measure m, TestData.Case data) {
        Measure replay = replayed(m);
        assertSameConfiguration(m, replay);
        Estimate e = estimate(m, data);
        assertEquals(e.values(), estimate(replay, data).values(), m.label() + ": replayed values");
        return e;
    }

    private void variantsReplay(MeasureProvider p, TestData.Case data) {
        List<Measure> variants = variants(p, quicker(p));
        for (Measure m : variants) {
            assertSameConfiguration(m, replayed(m));
        }
        assertFalse(variants.isEmpty() && !p.parameters().params().isEmpty(), p.name() + ": no valid variant found");
        if (!variants.isEmpty()) {
            replaysWithValues(variants.get(0), data);
        }
    }

    private static void wrappersReplay(MeasureProvider p) {
        Map<String, Object> params = new LinkedHashMap<>(p.create(Map.of()).parameters());
        params.put(RandomProjection.WIDTH.name(), 3);
        params.put(ProbeSubsample.ROWS.name(), 100);
        params.put(ProbeSubsample.SEED.name(), 7);
        Measure wrapped = EstimatorCatalog.create(new MeasureSpec(p.name(), params));
        Map<String, Object> interval = Map.of("method", "bootstrap", "resamples", 120, "level", 0.9, "seed", 2L);
        Measure withIntervals = EstimatorCatalog.create(new MeasureSpec(p.name(), Map.of("interval", interval)));
        for (Measure m : List.of(wrapped, withIntervals)) {
            assertSameConfiguration(m, replayed(m));
        }
        assertEquals(3, wrapped.parameters().get(RandomProjection.WIDTH.name()));
        assertEquals(interval, withIntervals.parameters().get("interval"));
    }

    /**
     * The configuration {@code start} gives with one parameter changed, for every parameter and every
     * change that the declarations accept (another word of a choice, the other truth value, a number
     * moved up or down), given alone or with every other value spelt out.
     */
    static List<Measure> variants(MeasureProvider p, Map<String, Object> start) {
        Map<String, Object> base = p.parameters().read(p.name(), start).asMap();
        Map<Map<String, Object>, Measure> out = new LinkedHashMap<>();
        for (Param<?> param : p.parameters().params()) {
            for (Object changed : changesOf(param, base.get(param.name()))) {
                Map<String, Object> spelt = new LinkedHashMap<>(base);
                spelt.put(param.name(), changed);
                Map<String, Object> alone = new LinkedHashMap<>(start);
                alone.put(param.name(), changed);
                for (Map<String, Object> given : List.of(alone, spelt)) {
                    try {
                        Config c = p.parameters().read(p.name(), given);
                        if (!c.asMap().equals(base)) {
                            out.putIfAbsent(c.asMap(), p.create(c));
                        }
                    } catch (IllegalArgumentException e) {
                        // not a valid configuration: a value out of range, or a parameter that does not apply
                    }
                }
            }
        }
        return List.copyOf(out.values());
    }

    private static List<Object> changesOf(Param<?> param, Object value) {
        List<Object> out = new ArrayList<>();
        for (String w : param.type().words()) {
            if (!w.equals(String.valueOf(value))) {
                out.add(w);
            }
        }
        if (value instanceof String) {
            out.add(0.5); // a number where a word stands for a rule ("auto", "median")
        } else if (value instanceof Boolean b) {
            out.add(!b);
        } else if (value instanceof Integer i) {
            out.addAll(List.of(i + 1, Math.max(1, i / 2)));
        } else if (value instanceof Long l) {
            out.add(l + 1);
        } else if (value instanceof Double d) {
            out.addAll(d == 0 ? List.of(0.1) : List.of(d * 2, d / 2));
        }
        return out;
    }
}
