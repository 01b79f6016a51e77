package org.infolens.reproduce;

import static org.infolens.reproduce.RunStatistics.agreement;
import static org.infolens.reproduce.RunStatistics.change;
import static org.infolens.reproduce.RunStatistics.changeAfterPeak;
import static org.infolens.reproduce.RunStatistics.difference;
import static org.infolens.reproduce.RunStatistics.fall;

import java.util.List;

/**
 * The Information Bottleneck debate's published findings, each with its citation (see the README's
 * reproduce section for what each run is and why its settings are what they are).
 *
 * <p>Compression is the fall of I(X;T) from its peak to the end of training; a fall counts when it is
 * larger than {@link #MARGIN_BITS} (binning noise between neighbouring epochs is of that order on the
 * 12-bit task), and "no fall" means a fall significantly below it.
 */
public final class BundledClaims implements ClaimProvider {

    /** Bits by which I(X;T) must fall to count as compression. */
    public static final double MARGIN_BITS = 0.1;

    /**
     * Train accuracy a 12-bit run must reach for its seed to count in a compression claim: a network that
     * stayed at chance (a ReLU network whose units died) loses I(X;T) by collapsing, which is not the
     * compression phase the papers describe.
     */
    public static final double LEARNED = 0.6;

    private static SeedStatistic trainAccuracy(String role) {
        return RunStatistics.result(role, "trainAccuracy");
    }

    private static final String SZT = "Shwartz-Ziv & Tishby 2017, Opening the black box of deep neural networks via information, arXiv:1703.00810";
    private static final String SAXE = "Saxe et al. 2018, On the information bottleneck theory of deep learning, ICLR 2018";
    private static final String CHELOMBIEV = "Chelombiev, Houghton & O'Donnell 2019, Adaptive estimators show information compression in deep"
            + " neural networks, ICLR 2019";
    private static final String LIAO = "Liao et al. 2023, Assessing neural network representations during training using noise-resilient"
            + " diffusion spectral entropy, arXiv:2312.04823";
    private static final String BERESKA = "Bereska et al. 2025, Superposition as data compression: effective features (toy model of"
            + " Elhage et al. 2022)";
    private static final String LORENZEN = "Lorenzen, Igel & Nielsen 2022, Information bottleneck: exact analysis of (quantized) neural"
            + " networks, ICLR 2022";

    // 12-bit runs: the full suite trains 8,000 epochs (Saxe et al.'s length; Shwartz-Ziv & Tishby's figures reach ~10^4) on the
    // log grid; --quick trains 300 (tanh's I(X;T) peaks near epoch 150 with these settings and has fallen by epoch 300).
    private static RunSpec ib12(String name, String... options) {
        return RunSpec.of(name, "ib12", concat(options, "--quiet")).full("--epochs", "8000", "--points", "100")
                .quick("--epochs", "300", "--points", "20");
    }

    static final RunSpec TANH = RunSpec.of("ib12-tanh", "ib12", "--activation", "tanh", "--gradient-snr", "--quiet",
                    "--measure", "binning:edges=fixed-range,bins=30")
            .full("--epochs", "8000", "--points", "100", "--measure", "kde:bound=upper")
            .quick("--epochs", "300", "--points", "20", "--measure", "kde:bound=upper,probeRows=500");
    static final RunSpec RELU = ib12("ib12-relu", "--activation", "relu");
    static final RunSpec RELU_L2 = ib12("ib12-relu-l2", "--activation", "relu", "--l2", "0.015");
    static final String FINE = "binning/fixed-width-0.0039"; // 1/256: each 8-bit level of [-1, 1] (step 2/255) in a bin of its own
    static final String FINER = "binning/fixed-width-0.0019"; // 1/512
    static final RunSpec QUANTIZED = ib12("ib12-tanh-8bit", "--activation", "tanh", "--quantize", "8",
            "--measure", "binning:edges=fixed-width,binSize=0.00390625", "--measure", "binning:edges=fixed-width,binSize=0.001953125");
    private static final String[] FASHION = {"--quiet", "--measure", "dse", "--measure", "dsmi", "--measure", "binning:edges=adaptive,bins=30"};
    static final RunSpec FASHION_TRUE = RunSpec.of("fashion-mlp", "fashion-mlp", FASHION)
            .full("--epochs", "20", "--probe-size", "2000").quick("--epochs", "3", "--train-limit", "2000", "--probe-size", "300");
    static final RunSpec FASHION_RANDOM = RunSpec.of("fashion-mlp-random", "fashion-mlp", concat(FASHION, "--random-labels"))
            .full("--epochs", "20", "--probe-size", "2000").quick("--epochs", "3", "--train-limit", "2000", "--probe-size", "300");
    static final RunSpec TOY = RunSpec.of("toy-superposition", "toy-superposition").full("--sparsities", "20", "--steps", "10000")
            .quick("--sparsities", "4", "--steps", "1000", "--sae", "rows=1000");

    @Override
    public List<Claim> claims() {
        Curve tanhBinning = new Curve("tanh", "binning/fixed-range", "I_XT", Layer.LAST_HIDDEN);
        Curve tanhKernel = new Curve("tanh", "kde", "I_XT", Layer.LAST_HIDDEN);
        Curve tanhLabels = new Curve("tanh", "binning/fixed-range", "I_TY", Layer.LAST_HIDDEN);
        Curve snr = new Curve("tanh", "gradient-snr", "snr", Layer.LAST_HIDDEN);
        Curve reluMinMax = new Curve("relu", "binning/global-minmax", "I_XT", Layer.LAST_HIDDEN);
        Curve reluAdaptive = new Curve("relu", "binning/adaptive", "I_XT", Layer.LAST_HIDDEN);
        Curve reluAdaptiveOutput = new Curve("relu", "binning/adaptive", "I_XT", Layer.OUTPUT);
        Curve l2Adaptive = new Curve("l2", "binning/adaptive", "I_XT", Layer.LAST_HIDDEN);
        Curve dse = new Curve("true", "dse", "DSE", Layer.LAST_HIDDEN);
        Curve dsmiTrue = new Curve("true", "dsmi", "DSMI_TY", Layer.LAST_HIDDEN);
        Curve dsmiRandom = new Curve("random", "dsmi", "DSMI_TY", Layer.LAST_HIDDEN);
        Curve quantizedOutput = new Curve("quantized", FINE, "I_XT", Layer.OUTPUT);
        return List.of(
                Claim.builder("szt-2017-compression").citation(SZT)
                        .statement("tanh 12-bit network, fixed-range binning (30 bins): the last hidden layer's I(X;T) falls after its peak")
                        .paper("falls (compression phase)").run("tanh", TANH)
                        .test(ShiftTest.signedRank(fall(tanhBinning), Direction.GREATER, MARGIN_BITS)).curve(tanhBinning).requires(trainAccuracy("tanh"), LEARNED).build(),
                Claim.builder("szt-2017-label-information").citation(SZT)
                        .statement("tanh 12-bit network: the last hidden layer's I(T;Y) stays near H(Y) while I(X;T) falls")
                        .paper("I(T;Y) near H(Y) = 1 bit").run("tanh", TANH)
                        .test(ShiftTest.signedRank(RunStatistics.finalShareOfLabelEntropy(tanhLabels), Direction.GREATER, 0.9))
                        .curve(tanhLabels).build(),
                Claim.builder("szt-2017-snr-before-compression").citation(SZT)
                        .statement("the last hidden layer's gradient signal-to-noise ratio is above 1 before its I(X;T) peaks (drift)"
                                + " and below 1 from the peak on (diffusion): it crosses 1 no later than compression begins")
                        .paper("SNR crosses 1 before compression").run("tanh", TANH)
                        .test(ShiftTest.signTest(RunStatistics.snrPhases(snr, tanhBinning), Direction.GREATER, 0)).curve(snr).curve(tanhBinning)
                        .requires(trainAccuracy("tanh"), LEARNED).build(),
                Claim.builder("saxe-2018-relu-no-compression").citation(SAXE)
                        .statement("ReLU 12-bit network, global min-max binning (100 bins): the last hidden layer's I(X;T) does not fall")
                        .paper("no fall").run("relu", RELU)
                        .test(ShiftTest.signedRank(fall(reluMinMax), Direction.LESS, MARGIN_BITS)).curve(reluMinMax).requires(trainAccuracy("relu"), LEARNED).build(),
                Claim.builder("saxe-2018-kernel-binning-agree").citation(SAXE)
                        .statement("tanh 12-bit network: the kernel upper bound on I(X;T) moves the way binning does after binning's peak")
                        .paper("same direction").run("tanh", TANH)
                        .test(ShiftTest.signTest(agreement(changeAfterPeak(tanhKernel, tanhBinning), changeAfterPeak(tanhBinning, tanhBinning)),
                                Direction.GREATER, 0))
                        .curve(tanhKernel).curve(tanhBinning).requires(trainAccuracy("tanh"), LEARNED).build(),
                Claim.builder("chelombiev-2019-relu-adaptive").citation(CHELOMBIEV)
                        .statement("ReLU 12-bit network, adaptive (entropy-based) binning: the last hidden layer's I(X;T) falls after its peak")
                        .paper("compresses").run("relu", RELU)
                        .test(ShiftTest.signedRank(fall(reluAdaptive), Direction.GREATER, MARGIN_BITS)).curve(reluAdaptive).requires(trainAccuracy("relu"), LEARNED).build(),
                Claim.builder("chelombiev-2019-l2").citation(CHELOMBIEV)
                        .statement("L2 of 0.015 on every layer but the output increases the last hidden layer's compression (adaptive binning),"
                                + " same seeds")
                        .paper("more compression with L2").run("relu", RELU).run("l2", RELU_L2)
                        .test(ShiftTest.signedRank(difference(fall(l2Adaptive), fall(reluAdaptive)), Direction.GREATER, 0))
                        .curve(l2Adaptive).curve(reluAdaptive).requires(trainAccuracy("relu"), LEARNED).requires(trainAccuracy("l2"), LEARNED).build(),
                Claim.builder("chelombiev-2019-seed-variation").citation(CHELOMBIEV)
                        .statement("compression (adaptive binning, ReLU, last hidden layer) varies greatly between initialisations")
                        .paper("large variation").run("relu", RELU)
                        .test(new DispersionTest(fall(reluAdaptive), 0.5)).curve(reluAdaptive).requires(trainAccuracy("relu"), LEARNED).build(),
                Claim.builder("chelombiev-2019-generalisation").citation(CHELOMBIEV)
                        .statement("over seeds, the last layer's compression (adaptive binning) correlates with test accuracy")
                        .paper("positive correlation").run("relu", RELU)
                        .test(new CorrelationTest(fall(reluAdaptiveOutput), RunStatistics.result("relu", "testAccuracy"), Direction.GREATER))
                        .curve(reluAdaptiveOutput).requires(trainAccuracy("relu"), LEARNED).build(),
                Claim.builder("liao-2023-dse-rises").citation(LIAO)
                        .statement("MLP on Fashion-MNIST: the penultimate layer's diffusion spectral entropy rises during training")
                        .paper("DSE rises").run("true", FASHION_TRUE)
                        .test(ShiftTest.signedRank(change(dse), Direction.GREATER, 0)).curve(dse).build(),
                Claim.builder("liao-2023-dsmi-labels").citation(LIAO)
                        .statement("the penultimate layer's DSMI(Z;Y) rises more with true labels than with random labels (where it stays"
                                + " flat), same seeds")
                        .paper("rises with true labels, flat with random").run("true", FASHION_TRUE).run("random", FASHION_RANDOM)
                        .test(ShiftTest.signedRank(difference(change(dsmiTrue), change(dsmiRandom)), Direction.GREATER, 0))
                        .curve(dsmiTrue).curve(dsmiRandom).build(),
                Claim.builder("bereska-2025-effective-features").citation(BERESKA)
                        .statement("effective features F / m of the toy model's hidden layer track its superposition ||W||_F^2 / m over a"
                                + " sparsity sweep (Pearson r per seed above 0.9, the paper's 0.94 - 2 x 0.02)")
                        .paper("r = 0.94 +- 0.02").run("toy", TOY)
                        .test(ShiftTest.signedRank(RunStatistics.toyPearson("toy"), Direction.GREATER, 0.9)).build(),
                Claim.builder("lorenzen-2022-binning-exact").citation(LORENZEN)
                        .statement("tanh 12-bit network quantized to 8 bits: binning at the levels is exact (the same I(X;T) at half the bin"
                                + " width, every hidden layer and epoch)")
                        .paper("exact").run("quantized", QUANTIZED)
                        .test(new ExactTest(RunStatistics.binningDisagreement("quantized", FINE, FINER), 1e-9)).build(),
                Claim.builder("lorenzen-2022-output-compresses").citation(LORENZEN)
                        .statement("in the 8-bit quantized network the output layer's I(X;T) (binned at 8 bits) falls after its peak")
                        .paper("output layer compresses").run("quantized", QUANTIZED)
                        .test(ShiftTest.signedRank(fall(quantizedOutput), Direction.GREATER, MARGIN_BITS)).curve(quantizedOutput).requires(trainAccuracy("quantized"), LEARNED).build());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
