package org.infolens.reproduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infolens.experiments.ExperimentCatalog;

/** Each seed's run in turn, in this JVM, through {@link ExperimentCatalog#launch} (what {@code ./infolens run} does). */
public final class InProcessRunner implements SeedRunner {

    @Override
    public void run(String experiment, List<String> options, List<Long> seeds, List<Path> directories) throws IOException {
        for (int i = 0; i < seeds.size(); i++) {
            List<String> args = new ArrayList<>(options);
            args.add("--seed");
            args.add(String.valueOf(seeds.get(i)));
            if (Files.exists(directories.get(i))) {
                args.add("--overwrite"); // an earlier, unfinished or different run of this name: replaced once the new one has finished
            }
            try {
                ExperimentCatalog.launch(experiment, args, directories.get(i));
            } catch (org.infolens.experiments.data.MissingDatasetException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new IOException("run " + directories.get(i) + " failed: " + e.getMessage(), e);
            }
        }
    }
}
