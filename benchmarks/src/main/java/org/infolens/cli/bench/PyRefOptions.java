package org.infolens.cli.bench;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where pyref.py and its Python are: the options of every bench that runs the reference. */
final class PyRefOptions {

    @Option(names = "--pyref", paramLabel = "FILE", description = "path of pyref.py (default ../shared/anchors/pyref.py)")
    Path script;

    @Option(names = "--python", defaultValue = "python3", description = "the Python with numpy and scipy (default ${DEFAULT-VALUE})")
    String python;

    PyRef locate() {
        return PyRef.locate(script, python);
    }
}
