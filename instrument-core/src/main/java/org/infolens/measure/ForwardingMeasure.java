package org.infolens.measure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A measure that wraps another and changes how it reads its input (a subset of rows, a projection,
 * resampled intervals) but not what it is: name, label, outputs, row use, resampling bias and run
 * observer are the wrapped measure's; its parameters are the wrapped measure's plus the wrapper's own.
 */
public abstract class ForwardingMeasure implements Measure {

    protected final Measure inner;

    protected ForwardingMeasure(Measure inner) {
        this.inner = inner;
    }

    /** The wrapper's own parameters, added after the wrapped measure's. */
    protected abstract Map<String, Object> ownParameters();

    @Override
    public final Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>(inner.parameters());
        p.putAll(ownParameters());
        return p;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String label() {
        return inner.label();
    }

    @Override
    public List<Output> outputs() {
        return inner.outputs();
    }

    @Override
    public int[] rowsRead(int probeRows) {
        return inner.rowsRead(probeRows);
    }

    @Override
    public boolean biasedByRepeatedRows() {
        return inner.biasedByRepeatedRows();
    }

    @Override
    public Optional<RunObserver> runObserver() {
        return inner.runObserver();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(inner.toString()).append(" with");
        ownParameters().forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
        return s.toString();
    }
}
