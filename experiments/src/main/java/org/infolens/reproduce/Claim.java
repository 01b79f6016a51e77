package org.infolens.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A published finding, checked over seeds: the runs it needs (each an experiment with its variant's
 * options, by role), the test that turns each seed's number into a verdict, what the paper says, and
 * the curves its figure draws. Build one with {@link #builder}; register it through a
 * {@link ClaimProvider}.
 *
 * @param id        what {@code ./infolens reproduce ID} takes (lower case, digits, '-')
 * @param citation  the paper (authors, year, where)
 * @param statement the finding, in a sentence
 * @param paper     the paper's number or direction, as the table shows it
 * @param runs      the runs by role; the test's statistics read them by these roles
 * @param test      how the seeds become a verdict
 * @param curves    what the figure draws against the epoch (per seed in grey, the median in colour); may be empty
 * @param requires  what a seed's runs must show to count (a network that did not learn has no compression phase to test):
 *                  seeds that fail one are left out of the test, and the report says which and why
 */
public record Claim(String id, String citation, String statement, String paper, Map<String, RunSpec> runs, ClaimTest test,
                    List<Curve> curves, List<Requirement> requires) {

    /** A seed counts when {@code statistic} is at least {@code minimum}. */
    public record Requirement(SeedStatistic statistic, double minimum) {
        public String describe() {
            return statistic.description() + " >= " + ClaimsReport.number(minimum);
        }
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public Claim {
        runs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runs));
        curves = List.copyOf(curves);
        requires = List.copyOf(requires);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Collects a claim's parts; {@link #build()} checks them. */
    public static final class Builder {
        private final String id;
        private String citation;
        private String statement;
        private String paper;
        private final Map<String, RunSpec> runs = new LinkedHashMap<>();
        private ClaimTest test;
        private final List<Curve> curves = new ArrayList<>();
        private final List<Requirement> requires = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder citation(String text) {
            this.citation = text;
            return this;
        }

        public Builder statement(String text) {
            this.statement = text;
            return this;
        }

        /** The paper's number or direction ("falls after its peak", "r = 0.94 +- 0.02"). */
        public Builder paper(String text) {
            this.paper = text;
            return this;
        }

        /** A run the claim reads as {@code role}. */
        public Builder run(String role, RunSpec spec) {
            if (runs.put(role, spec) != null) {
                throw new IllegalArgumentException("claim '" + id + "': role '" + role + "' given twice");
            }
            return this;
        }

        public Builder test(ClaimTest t) {
            this.test = t;
            return this;
        }

        public Builder curve(Curve c) {
            curves.add(c);
            return this;
        }

        /** Only seeds whose {@code statistic} is at least {@code minimum} count (e.g. the run's train accuracy: it learned). */
        public Builder requires(SeedStatistic statistic, double minimum) {
            requires.add(new Requirement(statistic, minimum));
            return this;
        }

        /** The claim; an error naming it and what is missing or wrong. */
        public Claim build() {
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a claim's id must be lower-case letters, digits and '-', got '" + id + "'");
            }
            for (Map.Entry<String, String> part : Map.of("citation", String.valueOf(citation), "statement", String.valueOf(statement), "paper",
                    String.valueOf(paper)).entrySet()) {
                if (part.getValue().equals("null") || part.getValue().isBlank()) {
                    throw new IllegalArgumentException("claim '" + id + "' has no " + part.getKey());
                }
            }
            if (runs.isEmpty()) {
                throw new IllegalArgumentException("claim '" + id + "' has no runs");
            }
            if (test == null) {
                throw new IllegalArgumentException("claim '" + id + "' has no test");
            }
            for (Curve c : curves) {
                if (!runs.containsKey(c.role())) {
                    throw new IllegalArgumentException("claim '" + id + "': curve " + c.describe() + " reads role '" + c.role()
                            + "', which is not one of its runs " + runs.keySet());
                }
            }
            return new Claim(id, citation, statement, paper, runs, test, curves, requires);
        }
    }
}
