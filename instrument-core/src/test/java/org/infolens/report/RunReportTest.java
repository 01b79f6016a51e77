package org.infolens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.infolens.run.RecordedRun;
import org.infolens.run.SyntheticRun;
import org.infolens.trajectory.RecordStatus;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    @TempDir
    Path dir;

    /**
     * The synthetic run (layer0's binned I(X;T) is 12 bits = log2 4096 at every epoch) with trouble:
     * kde fails on layer2 at epoch 100, dse is skipped at epoch 10, and ksg comes out negative twice.
     */
    private RecordedRun troubled() throws IOException {
        List<TrajectoryRecord> records = new ArrayList<>();
        for (TrajectoryRecord r : SyntheticRun.records()) {
            if (r.label().equals(SyntheticRun.KDE) && r.epoch() == 100 && r.layer().index() == 2) {
                records.add(SyntheticRun.record("synthetic", 100, r.layer(), "kde", SyntheticRun.KDE, RecordStatus.ERROR, Map.of(), Map.of(),
                        Map.of(), "kde/upper failed on layer 'layer2' at epoch 100: java.lang.ArithmeticException"));
            } else if (r.label().equals(SyntheticRun.DSE) && r.epoch() == 10) {
                records.add(SyntheticRun.record("synthetic", 10, r.layer(), "dse", SyntheticRun.DSE, RecordStatus.SKIPPED, Map.of(), Map.of(),
                        Map.of(), "measurement queue full (capacity 2, policy skip): epoch not measured"));
            } else {
                records.add(r);
            }
        }
        for (int epoch : new int[] {3, 30}) {
            records.add(SyntheticRun.record("synthetic", epoch, SyntheticRun.layer(1), "ksg", "ksg", RecordStatus.OK,
                    SyntheticRun.values("I", -0.05), Map.of(), Map.of("negative", true), null));
        }
        return SyntheticRun.write(dir.resolve("troubled"), records, List.of(SyntheticRun.BINNING, SyntheticRun.KDE, SyntheticRun.DSE, "ksg"),
                Map.of("experiment", "synthetic"));
    }

    /** A final value outside its interval carries a '*' with the record's reason, as the figures' dashed boxes do. */
    @Test
    void aValueOutsideItsIntervalIsMarkedWithItsReason() throws IOException {
        List<TrajectoryRecord> records = new ArrayList<>(SyntheticRun.records());
        records.add(SyntheticRun.record("synthetic", 300, SyntheticRun.layer(0), "kde", SyntheticRun.KDE, RecordStatus.OK,
                SyntheticRun.values("I_XT", 6.0, "I_TY", 0.4), Map.of("I_XT", new org.infolens.measure.Interval(6.8, 7.2, 7.0),
                        "I_TY", new org.infolens.measure.Interval(0.3, 0.5, 0.4)),
                Map.of("outsideInterval", Map.of("I_XT", "centred on the bias-corrected value")), null));
        String html = RunReport.html(SyntheticRun.write(dir.resolve("outside"), records, List.of(SyntheticRun.BINNING, SyntheticRun.KDE),
                Map.of()), List.of(), 0);
        assertTrue(html.contains("6.0000 <span class=\"interval\">[6.8000, 7.2000]<abbr title=\"centred on the bias-corrected value\">*</abbr>"),
                "the excluded value is marked");
        assertTrue(html.contains("0.4000 <span class=\"interval\">[0.3000, 0.5000]</span>"), "the one inside its interval is not");
    }

    @Test
    void warningsNameTheCeilingNegativeEstimatesSkipsAndErrors() throws IOException {
        List<ReportWarnings.Warning> w = ReportWarnings.of(troubled());
        assertEquals(List.of("ceiling", "negative", "skipped", "error"), w.stream().map(ReportWarnings.Warning::kind).toList(), w.toString());
        String ceiling = w.get(0).text();
        assertTrue(ceiling.startsWith(SyntheticRun.BINNING + ": I(X;T) is at its log2 N ceiling (12.00 bits"), ceiling);
        assertTrue(ceiling.contains("in 6 of 24 estimates") && ceiling.contains("at the last epoch (100) in layer0."), ceiling);
        assertTrue(w.get(1).text().startsWith("2 negative k-NN estimates (ksg 2; layers layer1; epochs 3, 30)"), w.get(1).text());
        assertTrue(w.get(2).text().startsWith("4 estimates skipped at epochs 10: measurement queue full"), w.get(2).text());
        assertTrue(w.get(3).text().startsWith("1 estimates failed (error records) at epochs 100: kde/upper failed on layer 'layer2'"),
                w.get(3).text());
        assertEquals(List.of(), ReportWarnings.of(SyntheticRun.write(dir.resolve("clean"), SyntheticRun.records().stream()
                .filter(r -> r.layer().index() > 0).toList(), List.of(SyntheticRun.BINNING), Map.of())), "a clean run has none");
    }

    @Test
    void finalValuesAreEachLayersLastEstimate() throws IOException {
        List<FinalValues> tables = FinalValues.of(troubled());
        assertEquals(List.of(SyntheticRun.BINNING, SyntheticRun.KDE, SyntheticRun.DSE, "ksg", "training"),
                tables.stream().map(FinalValues::label).toList());
        FinalValues binning = tables.get(0);
        assertEquals(List.of("H_T", "I_XT", "I_TY"), binning.values());
        assertEquals(List.of(100, 100, 100, 100), binning.rows().stream().map(TrajectoryRecord::epoch).toList());
        assertEquals(SyntheticRun.ixt(100, 2), binning.rows().get(2).value("I_XT"));
        FinalValues kde = tables.get(1);
        assertEquals(30, kde.rows().get(2).epoch(), "layer2's kde failed at epoch 100: its last estimate is epoch 30's");
        assertEquals(SyntheticRun.ixt(30, 2) / 2, kde.rows().get(2).value("I_XT"));
    }

    @Test
    void pageIsSelfContainedWithFiguresTablesAndWarnings() throws IOException {
        RecordedRun run = troubled();
        long t0 = System.nanoTime();
        Path file = RunReport.write(run, 0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String html = Files.readString(file);
        assertEquals(run.directory().root().resolve("report.html"), file);
        assertTrue(seconds < 30, "report in " + seconds + " s");
        Matcher images = Pattern.compile("<img class=\"figure\"[^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int count = 0;
        while (images.find()) {
            byte[] png = java.util.Base64.getDecoder().decode(images.group(1));
            assertEquals(0x89, png[0] & 0xFF, "a PNG");
            count++;
        }
        assertEquals(3, count, "information plane, measures, learning");
        assertTrue(Files.exists(run.directory().figuresDirectory().resolve("information-plane.svg")));
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script") || html.contains("<link"),
                "nothing to fetch");
        assertFalse(html.contains("http-equiv=\"refresh\""));
        // the final-value table: layer2's binned I(X;T) at epoch 100, four decimals
        assertTrue(html.contains(String.format(java.util.Locale.ROOT, "<td>%.4f</td>", SyntheticRun.ixt(100, 2))), "final value in the table");
        assertTrue(html.contains("<caption>kde/upper</caption>"));
        assertTrue(html.contains("[" + String.format(java.util.Locale.ROOT, "%.4f", SyntheticRun.ixt(30, 2) / 2 - 0.25)), "the interval");
        assertTrue(html.contains("<b>ceiling:</b> binning/fixed-range-30: I(X;T) is at its log2 N ceiling"));
        assertTrue(html.contains("kde/upper failed on layer &#39;layer2&#39;") || html.contains("kde/upper failed on layer 'layer2'"));
        assertTrue(RunReport.html(run, List.of(), 10).contains("<meta http-equiv=\"refresh\" content=\"10\">"), "while watched");
    }

    @Test
    void numbersReadWell() {
        assertEquals("11.9839", RunReport.number(11.98391));
        assertEquals("1.056e-06", RunReport.number(1.0563e-6));
        assertEquals("0.0000", RunReport.number(0));
        assertEquals("&lt;b&gt; &amp; &quot;x&quot;", RunReport.esc("<b> & \"x\""));
    }
}
