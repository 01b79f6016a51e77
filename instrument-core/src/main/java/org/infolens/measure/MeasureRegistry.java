package org.infolens.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The estimator families on the class path, registered with {@link ServiceLoader} as
 * {@link MeasureProvider}s and {@link ParameterMeasureProvider}s (infolens' own and any jar's), loaded
 * once. What an estimator declares (its parameters, its outputs) is looked up here by its name.
 */
public final class MeasureRegistry {

    private MeasureRegistry() {
    }

    private static final class Loaded {
        static final List<MeasureProvider> MEASURES = load(MeasureProvider.class);
        static final List<ParameterMeasureProvider> PARAMETER_MEASURES = load(ParameterMeasureProvider.class);
    }

    private static <P extends Family<?>> List<P> load(Class<P> type) {
        List<P> all = new ArrayList<>();
        Map<String, P> byName = new LinkedHashMap<>();
        for (P p : ServiceLoader.load(type)) {
            P other = byName.put(p.name(), p);
            if (other != null) {
                throw new IllegalStateException("two estimators are registered as '" + p.name() + "': " + other.getClass().getName()
                        + " and " + p.getClass().getName());
            }
            all.add(p);
        }
        return List.copyOf(all);
    }

    /** Every registered measure family, in class-path order (infolens' own first when its jar comes first). */
    public static List<MeasureProvider> measures() {
        return Loaded.MEASURES;
    }

    /** Every registered parameter-measure family (weights, gradients). */
    public static List<ParameterMeasureProvider> parameterMeasures() {
        return Loaded.PARAMETER_MEASURES;
    }

    /** The family of either kind called {@code name}. */
    public static Optional<Family<?>> find(String name) {
        List<Family<?>> all = new ArrayList<>(measures());
        all.addAll(parameterMeasures());
        return all.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** What the family called {@code name} declares it gives; empty when no registered family has that name. */
    public static List<Output> outputs(String name) {
        return find(name).map(Family::outputs).orElse(List.of());
    }
}
