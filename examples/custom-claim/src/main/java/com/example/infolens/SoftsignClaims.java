package com.example.infolens;

import java.util.List;
import org.infolens.reproduce.Claim;
import org.infolens.reproduce.ClaimProvider;
import org.infolens.reproduce.Curve;
import org.infolens.reproduce.Direction;
import org.infolens.reproduce.Layer;
import org.infolens.reproduce.RunSpec;
import org.infolens.reproduce.RunStatistics;
import org.infolens.reproduce.ShiftTest;

// README:begin
/** A claim of your own: Saxe et al. found that softsign, saturating on both sides like tanh, compresses too. */
public final class SoftsignClaims implements ClaimProvider {

    // The run: any experiment of ./infolens run with its options; --quick swaps the full options for short ones.
    static final RunSpec SOFTSIGN = RunSpec.of("ib12-softsign", "ib12", "--activation", "softsign", "--quiet")
            .full("--epochs", "8000", "--points", "100")
            .quick("--epochs", "300", "--points", "20");

    @Override
    public List<Claim> claims() {
        Curve information = new Curve("softsign", "binning/fixed-range", "I_XT", Layer.LAST_HIDDEN);
        return List.of(Claim.builder("saxe-2018-softsign-compresses")
                .citation("Saxe et al. 2018, On the information bottleneck theory of deep learning, ICLR 2018")
                .statement("softsign 12-bit network, fixed-range binning: the last hidden layer's I(X;T) falls after its peak")
                .paper("compresses, as tanh does")
                .run("softsign", SOFTSIGN)
                // per seed: the fall of I(X;T) from its peak; across seeds: one-sided Wilcoxon signed-rank, median > 0.1 bits
                .test(ShiftTest.signedRank(RunStatistics.fall(information), Direction.GREATER, 0.1))
                .curve(information)
                .build());
    }
}
// README:end
