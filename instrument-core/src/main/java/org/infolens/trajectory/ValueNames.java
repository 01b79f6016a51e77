package org.infolens.trajectory;

import java.util.Map;

/**
 * How the names of a record's values read in figures and reports: "I_XT" is I(X;T) in bits. Most
 * values are bits, as the field {@code values_bits} says; the counts, dimensions, ratios and the
 * training record's loss and accuracy are not, and say so here.
 */
public final class ValueNames {

    /** name -> {display name, unit ("" for none)} */
    private static final Map<String, String[]> KNOWN = Map.ofEntries(
            Map.entry("H_T", new String[] {"H(T)", "bits"}),
            Map.entry("I_XT", new String[] {"I(X;T)", "bits"}),
            Map.entry("I_TY", new String[] {"I(T;Y)", "bits"}),
            Map.entry("I", new String[] {"I(T;Z)", "bits"}),
            Map.entry("DSE", new String[] {"DSE", "bits"}),
            Map.entry("DSMI_TY", new String[] {"DSMI(T;Y)", "bits"}),
            Map.entry("DSMI_XT", new String[] {"DSMI(X;T)", "bits"}),
            Map.entry("effective_rank", new String[] {"effective rank", ""}),
            Map.entry("participation_ratio", new String[] {"participation ratio", ""}),
            Map.entry("twonn_dimension", new String[] {"TwoNN dimension", ""}),
            Map.entry("F", new String[] {"effective features F", ""}),
            Map.entry("ratio", new String[] {"F / width", ""}),
            Map.entry("sigma_max", new String[] {"\u03c3 max", ""}),
            Map.entry("sigma_min", new String[] {"\u03c3 min", ""}),
            Map.entry("condition", new String[] {"condition number", ""}),
            Map.entry("snr", new String[] {"gradient SNR", ""}),
            Map.entry("meanNorm", new String[] {"\u2016mean gradient\u2016", ""}),
            Map.entry("stdNorm", new String[] {"\u2016std gradient\u2016", ""}),
            Map.entry(TrainingRecord.LOSS, new String[] {"training loss", ""}),
            Map.entry(TrainingRecord.PROBE_ACCURACY, new String[] {"probe accuracy", ""}));

    private ValueNames() {
    }

    /** "I(X;T)" for "I_XT"; unknown names as they are. */
    public static String display(String name) {
        String[] k = KNOWN.get(name);
        return k == null ? name : k[0];
    }

    /** "bits", or "" for values that are not information (and unknown names are bits: the field says so). */
    public static String unit(String name) {
        String[] k = KNOWN.get(name);
        return k == null ? "bits" : k[1];
    }

    /** "I(X;T)  [bits]", or the display name alone when the value has no unit. */
    public static String axisLabel(String name) {
        String unit = unit(name);
        return unit.isEmpty() ? display(name) : display(name) + "  [" + unit + "]";
    }
}
