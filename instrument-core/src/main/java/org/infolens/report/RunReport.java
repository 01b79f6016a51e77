package org.infolens.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.infolens.figure.PanelFigure;
import org.infolens.figure.RunFigures;
import org.infolens.measure.Interval;
import org.infolens.measure.Unit;
import org.infolens.run.RecordedRun;
import org.infolens.run.RunProvenance;
import org.infolens.trajectory.Json;
import org.infolens.trajectory.TrajectoryRecord;
import org.infolens.trajectory.ValueNames;

/**
 * A run's report: one self-contained HTML page (figures inline as PNG, styles inline, no script, no
 * network) with what a reader needs to trust the figures: warnings first, then the figures, the final
 * value of every measure per layer, the measures and their parameters, and the run's provenance.
 */
public final class RunReport {

    public static final String FILE = "report.html";

    private RunReport() {
    }

    /** A figure as the page shows it. */
    public record EmbeddedFigure(String name, String title, int width, byte[] png) {
    }

    /**
     * Draws the run's figures into its figures/ directory and writes {@code report.html} beside
     * them, atomically (a browser reloading it never sees half a page). With {@code refreshSeconds}
     * above 0 the page reloads itself that often (while a run is being watched).
     */
    public static Path write(RecordedRun run, int refreshSeconds) throws IOException {
        List<EmbeddedFigure> embedded = new ArrayList<>();
        for (PanelFigure f : RunFigures.of(run)) {
            PanelFigure.Written w = f.write(run.directory().figuresDirectory());
            embedded.add(new EmbeddedFigure(f.name(), f.title(), f.width(), w.pngBytes()));
        }
        Path file = run.directory().root().resolve(FILE);
        Path tmp = run.directory().root().resolve(FILE + ".tmp");
        Files.writeString(tmp, html(run, embedded, refreshSeconds), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** The page. */
    public static String html(RecordedRun run, List<EmbeddedFigure> figures, int refreshSeconds) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        if (refreshSeconds > 0) {
            h.append("<meta http-equiv=\"refresh\" content=\"").append(refreshSeconds).append("\">\n");
        }
        h.append("<title>infolens report \u2014 ").append(esc(run.name())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(run.name())).append("</h1>\n");
        h.append("<p class=\"summary\">").append(esc(summary(run))).append("</p>\n");

        List<ReportWarnings.Warning> warnings = ReportWarnings.of(run);
        h.append("<h2 id=\"warnings\">Warnings</h2>\n");
        if (warnings.isEmpty()) {
            h.append("<p>None: no estimate at its ceiling, no negative k-NN estimate, no skipped epoch, no error record.</p>\n");
        } else {
            h.append("<ul class=\"warnings\">\n");
            for (ReportWarnings.Warning w : warnings) {
                h.append("<li class=\"warning ").append(esc(w.kind())).append("\"><b>").append(esc(w.kind())).append(":</b> ")
                        .append(esc(w.text())).append("</li>\n");
            }
            h.append("</ul>\n");
        }

        h.append("<h2 id=\"figures\">Figures</h2>\n");
        for (EmbeddedFigure f : figures) {
            h.append("<figure id=\"").append(esc(f.name())).append("\">\n<img class=\"figure\" alt=\"").append(esc(f.title()))
                    .append("\" width=\"").append(f.width()).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(f.png())).append("\">\n<figcaption>").append(esc(f.title()))
                    .append(" \u2014 also as <a href=\"figures/").append(esc(f.name())).append(".svg\">SVG</a></figcaption>\n</figure>\n");
        }

        h.append("<h2 id=\"final-values\">Final values</h2>\n");
        h.append("<p>Each layer's last estimate of each measure (values in bits unless the column says otherwise; an interval, when the"
                + " records carry one, in brackets).</p>\n");
        for (FinalValues t : FinalValues.of(run)) {
            finalValues(h, t);
        }

        h.append("<h2 id=\"measures\">Measures and their parameters</h2>\n");
        measures(h, run);

        h.append("<h2 id=\"provenance\">Provenance</h2>\n");
        provenance(h, run);
        h.append("<p class=\"footer\">Written by infolens from ").append(esc(run.directory().trajectoryFile().toString()))
                .append(" (").append(run.records().size()).append(" records).</p>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String summary(RecordedRun run) {
        RunProvenance p = run.provenance();
        TreeSet<Integer> epochs = new TreeSet<>();
        run.records().forEach(r -> epochs.add(r.epoch()));
        StringBuilder s = new StringBuilder();
        if (p != null) {
            s.append("Status ").append(p.statusText());
            if (p.startedAt() != null) {
                s.append("; started ").append(p.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            }
            if (p.startedAt() != null && p.finishedAt() != null) {
                s.append(", took ").append(duration(Duration.between(p.startedAt(), p.finishedAt())));
            }
            s.append(". ");
        }
        s.append(run.records().size()).append(" records over ").append(epochs.size()).append(" recorded epochs (")
                .append(epochs.first()).append(" to ").append(epochs.last()).append(").");
        return s.toString();
    }

    private static String duration(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    private static void finalValues(StringBuilder h, FinalValues t) {
        h.append("<table class=\"values\">\n<caption>").append(esc(t.label())).append("</caption>\n<tr><th>layer</th><th>width</th><th>epoch</th>");
        TrajectoryRecord first = t.rows().get(0);
        for (String v : t.values()) {
            Unit unit = t.rows().stream().map(r -> r.units().get(v)).filter(java.util.Objects::nonNull).findFirst().orElseThrow();
            h.append("<th>").append(esc(ValueNames.withUnit(ValueNames.display(first.measure(), v), unit))).append("</th>");
        }
        h.append("</tr>\n");
        for (TrajectoryRecord r : t.rows()) {
            h.append("<tr><td>").append(esc(r.layer().name())).append("</td><td>").append(r.layer().width()).append("</td><td>")
                    .append(r.epoch()).append("</td>");
            for (String v : t.values()) {
                h.append("<td>");
                double value = r.value(v);
                if (!Double.isNaN(value)) {
                    h.append(number(value));
                    Interval i = r.intervals().get(v);
                    if (i != null) {
                        h.append(" <span class=\"interval\">[").append(number(i.low())).append(", ").append(number(i.high())).append("]");
                        // a value outside its own interval carries the record's reason (the subsampling
                        // interval is centred on the bias-corrected value): shown, not left to be found
                        if (r.details().get("outsideInterval") instanceof Map<?, ?> why && why.get(v) != null) {
                            h.append("<abbr title=\"").append(esc(String.valueOf(why.get(v)))).append("\">*</abbr>");
                        }
                        h.append("</span>");
                    }
                    verdict(h, r, v);
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** The reliability verdict on a value, when the record has one: the word, the reason or the extrapolation on hover. */
    private static void verdict(StringBuilder h, TrajectoryRecord r, String v) {
        if (!(r.details().get("verdict") instanceof Map<?, ?> all) || !(all.get(v) instanceof Map<?, ?> one)) {
            return;
        }
        boolean reliable = "reliable".equals(one.get("status"));
        String title = reliable ? "extrapolated to infinite N: " + one.get("extrapolated") + " [" + one.get("low") + ", "
                + one.get("high") + "], gamma " + one.get("gammas") : String.valueOf(one.get("reason"));
        h.append(" <abbr class=\"").append(reliable ? "reliable" : "unreliable").append("\" title=\"").append(esc(title)).append("\">")
                .append(reliable ? "reliable" : "unreliable").append("</abbr>");
    }

    /** Four decimals, or scientific notation for very large and very small values. */
    static String number(double v) {
        double a = Math.abs(v);
        return a != 0 && (a >= 1e6 || a < 1e-3) ? String.format(Locale.ROOT, "%.4g", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    private static void measures(StringBuilder h, RecordedRun run) {
        h.append("<table class=\"measures\">\n<tr><th>label</th><th>measure</th><th>parameters</th></tr>\n");
        Map<String, Map<String, Object>> configured = new LinkedHashMap<>();
        if (run.provenance() != null && run.provenance().measures() != null) {
            run.provenance().measures().forEach(m -> configured.put(String.valueOf(m.get("label")), m));
        }
        for (String label : run.labels()) {
            Map<String, Object> m = configured.get(label);
            TrajectoryRecord first = run.records().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
            Object params = m != null && m.get("params") != null ? m.get("params") : first.params();
            h.append("<tr><td>").append(esc(label)).append("</td><td>").append(esc(first.measure())).append("</td><td><code>")
                    .append(esc(json(params))).append("</code></td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void provenance(StringBuilder h, RecordedRun run) {
        RunProvenance p = run.provenance();
        if (p == null) {
            h.append("<p>No run.json in this run directory: nothing is known of how the run was made.</p>\n");
            return;
        }
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("name", p.name());
        top.put("status", p.status());
        top.put("infolens", p.infolens());
        top.put("startedAt", p.startedAt());
        top.put("finishedAt", p.finishedAt());
        section(h, "run", top);
        section(h, "settings", p.settings());
        section(h, "results and counts", p.summary());
        section(h, "dataset", p.dataset());
        section(h, "probe set", p.probe());
        section(h, "seeds", p.seeds());
        section(h, "recording", p.recording());
        section(h, "framework", p.framework());
        section(h, "environment", p.environment());
        if (p.network() != null) {
            h.append("<details><summary>network configuration (DL4J JSON)</summary>\n<pre>").append(esc(p.network().toPrettyString()))
                    .append("</pre>\n</details>\n");
        }
    }

    private static void section(StringBuilder h, String title, Map<String, ?> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        h.append("<table class=\"provenance\">\n<caption>").append(esc(title)).append("</caption>\n");
        values.forEach((k, v) -> h.append("<tr><th>").append(esc(k)).append("</th><td>")
                .append(esc(v instanceof Number n ? plain(n) : v instanceof String || v == null ? String.valueOf(v) : json(v)))
                .append("</td></tr>\n"));
        h.append("</table>\n");
    }

    private static String plain(Number n) {
        return n instanceof Double || n instanceof Float ? number(n.doubleValue()) : n.toString();
    }

    private static String json(Object o) {
        try {
            return Json.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            return String.valueOf(o);
        }
    }

    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String STYLE = """
            body { font-family: "DejaVu Sans", Verdana, sans-serif; margin: 24px auto; max-width: 1800px; padding: 0 24px;
                   color: #222; line-height: 1.45; }
            h1 { margin-bottom: 4px; }
            h2 { border-bottom: 1px solid #ccc; padding-bottom: 4px; margin-top: 36px; }
            .summary { color: #555; }
            ul.warnings { padding-left: 0; list-style: none; }
            li.warning { background: #fff4e0; border-left: 5px solid #e69f00; padding: 8px 12px; margin: 6px 0; }
            figure { margin: 16px 0 28px 0; }
            img.figure { max-width: 100%; height: auto; border: 1px solid #ddd; }
            figcaption { color: #555; font-size: 90%; }
            table { border-collapse: collapse; margin: 12px 0 20px 0; font-size: 92%; }
            caption { text-align: left; font-weight: bold; padding: 4px 0; }
            th, td { border: 1px solid #ccc; padding: 3px 9px; text-align: left; vertical-align: top; }
            table.values td { text-align: right; font-variant-numeric: tabular-nums; }
            table.values td:first-child { text-align: left; }
            .interval { color: #666; }
            abbr.reliable { color: #009e73; font-size: 85%; text-decoration: none; }
            abbr.unreliable { color: #d55e00; font-size: 85%; font-weight: bold; }
            code, pre { font-size: 90%; white-space: pre-wrap; word-break: break-word; }
            .footer { color: #888; font-size: 85%; margin-top: 40px; }
            """;
}
