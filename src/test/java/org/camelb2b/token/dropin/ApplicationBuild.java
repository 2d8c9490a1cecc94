package org.camelb2b.token.dropin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The runtime classpath Maven gives an application that depends on the library, resolved by Maven
 * itself (nearest wins, as in the application's own build), not assembled by hand: a separate
 * {@code mvn dependency:build-classpath} on the application's pom.
 *
 * <p>The library is the jar this build made ({@code target/camel-b2b-token.jar}) with this
 * project's pom, "installed" in a local repository of the test's own: a copy of the build's local
 * repository made of links, with the library added, so nothing is installed in the real one.
 * The build passes Maven's home, its local repository and whether it runs offline
 * ({@code drop-in.*} system properties, see pom.xml).
 */
final class ApplicationBuild {

    static final String GROUP = "org.camelb2b";
    static final String ARTIFACT = "camel-b2b-token";

    private final Path dir;
    private final List<String> dependencies = new ArrayList<>();

    /** An application built in {@code dir} (its pom.xml and local repository go there). */
    ApplicationBuild(Path dir) {
        this.dir = dir;
    }

    /** Adds a dependency, in the order an application's pom would list it (it matters to Maven). */
    ApplicationBuild dependency(String groupId, String artifactId, String version) {
        dependencies.add("    <dependency><groupId>" + groupId + "</groupId><artifactId>" + artifactId + "</artifactId>"
                + (version == null ? "" : "<version>" + version + "</version>") + "</dependency>");
        return this;
    }

    /** Adds a Camel module, its version from camel-bom. */
    ApplicationBuild camel(String artifactId) {
        return dependency("org.apache.camel", artifactId, null);
    }

    /** Adds this library, the jar the build made. */
    ApplicationBuild library() {
        return dependency(GROUP, ARTIFACT, libraryVersion());
    }

    /** The runtime classpath Maven resolves for the application, in Maven's order. */
    List<Path> resolve() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path repository = repository();
        Files.writeString(dir.resolve("pom.xml"), pom());
        Path output = dir.resolve("classpath.txt");
        List<String> command = new ArrayList<>(List.of(maven(), "-B", "-q", "-f", dir.resolve("pom.xml").toString(),
                "-Dmaven.repo.local=" + repository,
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
                "-Dmdep.includeScope=runtime", "-Dmdep.outputFile=" + output));
        if (System.getProperty("drop-in.offline", "").endsWith("true")) {
            command.add(2, "-o");
        }
        Path log = dir.resolve("mvn.log");
        Process mvn = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!mvn.waitFor(300, TimeUnit.SECONDS)) {
            mvn.destroyForcibly();
            throw new IllegalStateException("mvn did not finish in 300 s: " + Files.readString(log));
        }
        try {
            if (mvn.exitValue() != 0 || !Files.isRegularFile(output)) {
                throw new IllegalStateException("mvn could not resolve the application's dependencies ("
                        + String.join(" ", command) + "):\n" + Files.readString(log));
            }
            List<Path> classpath = new ArrayList<>();
            for (String entry : Files.readString(output).strip().split(File.pathSeparator)) {
                classpath.add(Path.of(entry).toRealPath());
            }
            return classpath;
        } finally {
            unlink(repository);
        }
    }

    /** Removes the links into the real local repository (the test's temporary directory is deleted later). */
    private static void unlink(Path repository) throws IOException {
        for (Path dir : List.of(repository, repository.resolve("org"))) {
            for (Path entry : list(dir)) {
                if (Files.isSymbolicLink(entry)) {
                    Files.delete(entry);
                }
            }
        }
    }

    private String pom() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>payments-app</artifactId>
                  <version>1.0.0</version>
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>org.apache.camel</groupId>
                        <artifactId>camel-bom</artifactId>
                        <version>%s</version>
                        <type>pom</type>
                        <scope>import</scope>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                  <dependencies>
                %s
                  </dependencies>
                </project>
                """.formatted(System.getProperty("drop-in.camel-version", "4.18.0"), String.join("\n", dependencies));
    }

    /**
     * A local repository that is the build's own (every top-level entry, and every entry under
     * {@code org/}, a link into it) plus the library, as {@code mvn install} would lay it out.
     */
    private Path repository() throws IOException {
        Path real = Path.of(System.getProperty("drop-in.local-repository",
                System.getProperty("user.home") + "/.m2/repository"));
        Path repository = dir.resolve("repository");
        Files.createDirectories(repository.resolve("org"));
        for (Path entry : list(real)) {
            if (!entry.getFileName().toString().equals("org")) {
                Files.createSymbolicLink(repository.resolve(entry.getFileName().toString()), entry);
            }
        }
        for (Path entry : list(real.resolve("org"))) {
            if (!entry.getFileName().toString().equals("camelb2b")) {
                Files.createSymbolicLink(repository.resolve("org").resolve(entry.getFileName().toString()), entry);
            }
        }
        String version = libraryVersion();
        Path installed = repository.resolve("org/camelb2b/" + ARTIFACT + "/" + version);
        Files.createDirectories(installed);
        Files.copy(libraryJar(), installed.resolve(ARTIFACT + "-" + version + ".jar"));
        Files.copy(libraryPom(), installed.resolve(ARTIFACT + "-" + version + ".pom"));
        return repository;
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.collect(Collectors.toList());
        }
    }

    /** The library jar: the build's, unless {@code drop-in.library.jar} names another (an older build, say). */
    static Path libraryJar() {
        return Path.of(System.getProperty("drop-in.library.jar", "target/camel-b2b-token.jar")).toAbsolutePath();
    }

    /** The library's pom, which Maven reads for its dependencies: this project's, or {@code drop-in.library.pom}. */
    static Path libraryPom() {
        return Path.of(System.getProperty("drop-in.library.pom", "pom.xml")).toAbsolutePath();
    }

    private static String libraryVersion() {
        return System.getProperty("drop-in.library.version", "0.1.0-SNAPSHOT");
    }

    private static String maven() {
        String home = System.getProperty("drop-in.maven-home", System.getProperty("maven.home"));
        return home == null || home.isBlank() ? "mvn" : Path.of(home, "bin", "mvn").toString();
    }
}
