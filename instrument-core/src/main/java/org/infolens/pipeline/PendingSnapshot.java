package org.infolens.pipeline;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.infolens.data.ActivationSnapshot;
import org.infolens.data.LayerActivations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerParameters;
import org.infolens.trajectory.TrajectoryRecord;

/**
 * One recorded epoch waiting in the pipeline's queue: either activations already captured, or what
 * it takes to capture them on the worker thread (a copy of the network's weights and the forward pass
 * to run), so the training thread only pays for the copy. Its layers are known before the capture, for
 * the records of an epoch that is skipped.
 *
 * @param layers     the layers the capture will hold, in network order
 * @param parameters weights and gradient moments for parameter measures (taken on the training thread)
 * @param capture    produces the activations (called once, on the worker)
 * @param derived    records made from the activations besides the measures' (the listener's training
 *                   record), written by the worker before them, uncounted in the summary
 */
public record PendingSnapshot(int epoch, long iteration, List<LayerId> layers, List<LayerParameters> parameters,
                              Supplier<ActivationSnapshot> capture, Function<ActivationSnapshot, List<TrajectoryRecord>> derived) {

    public PendingSnapshot {
        layers = List.copyOf(layers);
        parameters = List.copyOf(parameters);
    }

    /** Activations captured already. */
    public static PendingSnapshot of(ActivationSnapshot s) {
        return of(s, x -> List.of());
    }

    /** Activations captured already, with records derived from them. */
    public static PendingSnapshot of(ActivationSnapshot s, Function<ActivationSnapshot, List<TrajectoryRecord>> derived) {
        return new PendingSnapshot(s.epoch(), s.iteration(), s.layers().stream().map(LayerActivations::layer).toList(), s.parameters(),
                () -> s, derived);
    }
}
