package org.infolens.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions fixed at build time: infolens itself and the DL4J release it was built against. */
public final class InfolensVersion {

    private static final Properties PROPS = load();

    private InfolensVersion() {
    }

    public static String infolens() {
        return PROPS.getProperty("infolens.version", "unknown");
    }

    public static String dl4j() {
        return PROPS.getProperty("dl4j.version", "unknown");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = InfolensVersion.class.getResourceAsStream("/org/infolens/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
