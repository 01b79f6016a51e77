package org.infolens.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.infolens.cli.InfolensCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ClaimRegistryTest {

    @Test
    void bundledClaimsAreRegisteredWithCitationsAndConsistentRuns() {
        Map<String, Claim> all = ClaimRegistry.all(); // throws when two claims name different runs alike
        assertEquals(List.of("szt-2017-compression", "szt-2017-label-information", "szt-2017-snr-before-compression",
                "saxe-2018-relu-no-compression", "saxe-2018-kernel-binning-agree", "chelombiev-2019-relu-adaptive", "chelombiev-2019-l2",
                "chelombiev-2019-seed-variation", "chelombiev-2019-generalisation", "liao-2023-dse-rises", "liao-2023-dsmi-labels",
                "bereska-2025-effective-features", "lorenzen-2022-binning-exact", "lorenzen-2022-output-compresses"),
                List.copyOf(all.keySet()));
        for (Claim c : all.values()) {
            assertTrue(c.citation().matches(".*(19|20)\\d\\d.*"), c.id() + " cites a year");
            c.runs().values().forEach(r -> {
                assertTrue(r.options(true).contains("--quiet") || r.experiment().equals("toy-superposition"), r.name());
                assertTrue(!r.quick().isEmpty(), r.name() + " has quick settings");
            });
        }
    }

    @Test
    void unknownClaimIsAnErrorListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClaimRegistry.select(List.of("szt-2017-compression",
                "no-such-claim")));
        assertTrue(e.getMessage().startsWith("unknown claim 'no-such-claim'; known: szt-2017-compression, "), e.getMessage());
    }

    @Test
    void commandLineUnknownClaimExitsTwoWithOneLine() {
        CommandLine cl = InfolensCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        assertEquals(2, cl.execute("reproduce", "no-such-claim", "--quick"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("unknown claim 'no-such-claim'"), err.toString());
    }

    /** Without the spark module on the class path (as in this module's tests), --master is one line and exit 2, before any run. */
    @Test
    void masterWithoutTheSparkModuleExitsTwoWithOneLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        CommandLine cl = InfolensCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        assertEquals(2, cl.execute("reproduce", "lorenzen-2022-binning-exact", "--quick", "--master", "local[2]", "--out", dir.toString()));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("--master needs the spark module on the class path"), err.toString());
        assertEquals(List.of(), listing(dir), "nothing written");
    }

    private static List<String> listing(java.nio.file.Path dir) {
        try (var files = java.nio.file.Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aClaimIsValidatedWhenBuilt() {
        RunSpec run = RunSpec.of("x", "ib12");
        ClaimTest test = new ExactTest(SeedStatistic.of("zero", s -> 0), 0);
        assertThrows(IllegalArgumentException.class, () -> Claim.builder("Bad Id").citation("c").statement("s").paper("p").run("r", run).test(test).build());
        IllegalArgumentException noTest = assertThrows(IllegalArgumentException.class,
                () -> Claim.builder("ok").citation("c").statement("s").paper("p").run("r", run).build());
        assertEquals("claim 'ok' has no test", noTest.getMessage());
        IllegalArgumentException curve = assertThrows(IllegalArgumentException.class, () -> Claim.builder("ok").citation("c").statement("s")
                .paper("p").run("r", run).test(test).curve(new Curve("other", "binning", "I_XT", Layer.OUTPUT)).build());
        assertTrue(curve.getMessage().contains("role 'other'"), curve.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunSpec.of("x", "ib12", "--seed", "3"));
    }
}
