package org.infolens.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Declarations resolve the same from a builder, from text and from JSON, in order, and reject what does not fit. */
class ParameterSetTest {

    enum Mode {
        PLAIN, WITH_RANGE
    }

    static final Param<Mode> MODE = Param.choice("mode", Mode.PLAIN, "how");
    static final Param<Integer> BINS = Param.integer("bins", 30, "bins").defaultWhen(Condition.when(MODE, Mode.WITH_RANGE), 100)
            .check(b -> b >= 1, ">= 1");
    static final Param<Double> LO = Param.real("lo", "lower end").onlyWhen(MODE, Mode.WITH_RANGE);
    static final Param<Long> SEED = Param.seed("seed", "seed of the draw").onlyWhen(Condition.given(LO));
    static final Param<OptionalDouble> LOW = Param.of("low", ValueType.numberOr("auto"), OptionalDouble.empty(), "limit");
    static final ParameterSet SET = ParameterSet.of(MODE, BINS, LO, SEED, LOW).require(c -> c.get(BINS) % 2 == 0, "bins must be even");

    @Test
    void defaultsFollowEarlierParametersAndComeInDeclarationOrder() {
        assertEquals(List.of("mode", "bins", "low"), List.copyOf(SET.defaults("x").asMap().keySet()));
        assertEquals(Map.of("mode", "plain", "bins", 30, "low", "auto"), SET.defaults("x").asMap());
        Config ranged = SET.read("x", Map.of("mode", "with-range", "lo", "-1.5"));
        assertEquals(100, ranged.get(BINS), "the conditional default");
        assertEquals(-1.5, ranged.get(LO));
        assertEquals(0L, ranged.get(SEED), "applies once lo is given");
        assertFalse(SET.read("x", Map.of("mode", "with-range")).has(SEED));
    }

    @Test
    void textJsonAndTheTypedBuilderGiveTheSameConfiguration() {
        Config text = SET.read("x", Map.of("mode", "with-range", "lo", "2", "seed", "7", "low", "0.5"));
        Config json = SET.read("x", Map.of("mode", "with-range", "lo", 2.0, "seed", 7, "low", 0.5, "bins", 100.0));
        Config typed = SET.builder("x").set(MODE, Mode.WITH_RANGE).set(LO, 2.0).set(SEED, 7L).set(LOW, OptionalDouble.of(0.5)).build();
        assertEquals(text, json);
        assertEquals(text, typed);
        assertEquals(text, SET.read("x", text.asMap()), "a configuration replays from its own map");
        assertEquals(Map.of("mode", "plain", "bins", 30, "low", 0.5), text.toBuilder().set(MODE, Mode.PLAIN).set(LO, null).set(SEED, null)
                .build().asMap(), "defaults follow the changed mode again");
        assertEquals(102, text.with(BINS, 102).get(BINS));
    }

    @Test
    void badValuesUnknownNamesAndInapplicableParametersAreErrorsNamingTheEstimator() {
        assertMessage("x: bins must be an integer, got 'many'", () -> SET.read("x", Map.of("bins", "many")));
        assertMessage("x: bins must be >= 1, got 0", () -> SET.read("x", Map.of("bins", "0")));
        assertMessage("x: bins must be even", () -> SET.read("x", Map.of("bins", "31")));
        assertMessage("x: mode must be one of plain, with-range, got 'other'", () -> SET.read("x", Map.of("mode", "other")));
        assertMessage("x: lo applies only with mode=with-range, not with mode=plain", () -> SET.read("x", Map.of("lo", "1")));
        assertMessage("x: seed applies only with lo, not with no lo", () -> SET.read("x", Map.of("mode", "with-range", "seed", "1")));
        Map<String, Object> unknown = new LinkedHashMap<>();
        unknown.put("bims", 1);
        unknown.put("hi", 2);
        assertMessage("unknown parameters bims, hi for x; known: mode, bins, lo, seed, low", () -> SET.read("x", unknown));
        assertMessage("x: lo must be a number, got 'NaN'", () -> SET.read("x", Map.of("mode", "with-range", "lo", "NaN")));
        assertThrows(IllegalStateException.class, () -> ParameterSet.of(SEED, LO), "a condition on a later parameter");
        assertThrows(IllegalStateException.class, () -> ParameterSet.of(MODE, MODE), "a name twice");
        assertThrows(IllegalStateException.class, () -> SET.defaults("x").get(Param.integer("other", 1, "")), "not declared here");
    }

    @Test
    void describeGivesEveryParameterWithItsDefaultsAndWhereItApplies() {
        List<String> lines = SET.describe();
        assertEquals(5, lines.size());
        assertTrue(lines.get(1).contains("default 30, 100 with mode=with-range"), lines.get(1));
        assertTrue(lines.get(2).contains("only with mode=with-range"), lines.get(2));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, e).getMessage());
    }
}
