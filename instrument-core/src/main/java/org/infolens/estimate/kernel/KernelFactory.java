package org.infolens.estimate.kernel;

import java.util.List;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureFactory;
import org.infolens.measure.Parameters;

/**
 * {@code kde} from text parameters: bound (upper | lower), noiseVariance (default 0.1), as in the
 * reference implementation; noise (fixed | adaptive) and c (default 0.1) for the adaptive variance.
 */
public final class KernelFactory implements MeasureFactory {

    @Override
    public String name() {
        return KernelBounds.NAME;
    }

    @Override
    public String description() {
        return "Kolchinsky-Tracey kernel bounds with Gaussian noise: H_T, I_XT, I_TY";
    }

    @Override
    public List<String> parameterNames() {
        return List.of("bound", "noiseVariance", "noise", "c");
    }

    @Override
    public Measure create(Parameters p) {
        KernelBounds.Bound bound = p.choice("bound", "upper", List.of("upper", "lower")).equals("upper")
                ? KernelBounds.Bound.UPPER : KernelBounds.Bound.LOWER;
        boolean adaptive = p.choice("noise", "fixed", List.of("fixed", "adaptive")).equals("adaptive");
        p.rejectUnless(!adaptive, "noiseVariance", "with noise=adaptive (the variance is c x max|a|)");
        p.rejectUnless(adaptive, "c", "with noise=fixed");
        Measure m = adaptive ? KernelBounds.adaptive(bound, p.real("c", 0.1)) : KernelBounds.fixed(bound, p.real("noiseVariance", 0.1));
        p.requireAllUsed(parameterNames());
        return m;
    }
}
