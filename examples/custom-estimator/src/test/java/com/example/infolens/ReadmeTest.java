package com.example.infolens;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's "Add your own estimator" shows this module's code as it is compiled and tested here. */
class ReadmeTest {

    @Test
    void readmeShowsTheEstimatorItsRegistrationAndItsKitTestAsTheyAreHere() throws IOException {
        String readme = Files.readString(Path.of("..", "..", "README.md"));
        for (String file : List.of("src/main/java/com/example/infolens/GaussianEntropy.java",
                "src/test/java/com/example/infolens/GaussianEntropyTest.java")) {
            Matcher m = Pattern.compile("// README:begin\\n(.*?)\\n\\s*// README:end", Pattern.DOTALL).matcher(Files.readString(Path.of(file)));
            assertTrue(m.find(), file);
            String excerpt = m.group(1).stripIndent().strip();
            assertTrue(readme.contains(excerpt), "README.md must show " + file + " as compiled here:\n" + excerpt);
        }
        String services = Files.readString(Path.of("src/main/resources/META-INF/services/org.infolens.measure.MeasureProvider")).strip();
        assertTrue(readme.contains(services), "README.md must name the provider as registered here: " + services);
    }
}
