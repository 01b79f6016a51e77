package com.example.infolens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infolens.cli.InfolensCli;
import org.infolens.reproduce.Claim;
import org.infolens.reproduce.ClaimRegistry;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** The claim is found through META-INF/services, beside the bundled ones, and the README shows this code. */
class SoftsignClaimsTest {

    @Test
    void registeredBesideTheBundledClaims() {
        List<Claim> chosen = ClaimRegistry.select(List.of("saxe-2018-softsign-compresses"));
        assertEquals(List.of("softsign"), List.copyOf(chosen.get(0).runs().keySet()));
        assertTrue(ClaimRegistry.all().containsKey("szt-2017-compression"), "the bundled claims are still there");
        assertEquals(List.of("--activation", "softsign", "--quiet", "--epochs", "300", "--points", "20"), SoftsignClaims.SOFTSIGN.options(true));
    }

    @Test
    void listedByTheCommandLine() {
        CommandLine cl = InfolensCli.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("reproduce", "--list"));
        assertTrue(out.toString().contains("saxe-2018-softsign-compresses"), out.toString());
    }

    @Test
    void theReadmeShowsThisClaim() throws Exception {
        String readme = Files.readString(Path.of("../../README.md"));
        String source = Files.readString(Path.of("src/main/java/com/example/infolens/SoftsignClaims.java"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("// README:begin\\n(.*?)\\n// README:end", java.util.regex.Pattern.DOTALL)
                .matcher(source);
        assertTrue(m.find());
        assertTrue(readme.contains(m.group(1).strip()), "README's 'Check a claim of your own' must show SoftsignClaims as compiled here");
        String services = Files.readString(Path.of("src/main/resources/META-INF/services/org.infolens.reproduce.ClaimProvider")).strip();
        assertTrue(readme.contains(services), "README.md must name the provider as registered here: " + services);
    }
}
