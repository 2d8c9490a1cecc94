package org.camelb2b.token.main;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.main.Main;
import org.camelb2b.token.provider.ConfigurationException;
import org.camelb2b.token.tool.SignatureTool;

/**
 * Runs the bundle standalone on camel-main: {@code config/application.properties} and the YAML
 * routes under {@code routes/} from the working directory, or the packaged defaults when those
 * are absent. Exits non-zero when startup fails, for example on a bad setting.
 */
public final class B2bTokenApplication {

    private B2bTokenApplication() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("signature")) {
            System.exit(SignatureTool.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        Main main = createMain(Path.of(""));
        int exitCode;
        try {
            exitCode = main.run(args);
        } catch (Exception e) {
            ConfigurationException config = configurationCause(e);
            if (config == null) {
                throw e;
            }
            System.err.println("camel-b2b-token cannot start: " + config.getMessage());
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    private static ConfigurationException configurationCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException ce) {
                return ce;
            }
        }
        return null;
    }

    /** A camel-main configured from {@code workDir}'s config/ and routes/, else from the jar. */
    public static Main createMain(Path workDir) {
        Main main = new Main(B2bTokenApplication.class);
        Path properties = workDir.resolve("config/application.properties");
        main.setPropertyPlaceholderLocations(Files.isRegularFile(properties)
                ? "file:" + properties.toAbsolutePath() : "classpath:camel-b2b-token/application.properties");
        Path routes = workDir.resolve("routes");
        main.configure().withRoutesIncludePattern(Files.isDirectory(routes)
                ? "file:" + routes.toAbsolutePath() + "/*.yaml" : "classpath:camel-b2b-token/routes/*.yaml");
        main.addMainListener(new B2bStartup());
        return main;
    }
}
