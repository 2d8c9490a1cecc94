package org.camelb2b.token.provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes everything generated from {@link ProviderSetting}: the {@code b2b:} endpoint's options
 * ({@code ProviderOptions.java}, the whole file), the provider settings of both kamelets (two
 * marked regions in each) and the README's settings table (one marked region). Run it after
 * changing the catalogue: {@value #REGENERATE}, or this class's {@code main} with the project
 * directory as its argument. {@code SettingsDocsTest} fails while a file is out of date.
 */
public final class SettingsDocs {

    static final String REGENERATE = "mvn -B -q test -Dtest=SettingsDocsTest -Dsettings.write=true";

    static final Path OPTIONS = Path.of("src/main/java/org/camelb2b/token/component/ProviderOptions.java");
    static final List<Path> KAMELETS = List.of(
            Path.of("src/main/resources/kamelets/b2b-token-action.kamelet.yaml"),
            Path.of("src/main/resources/kamelets/b2b-payment-call-action.kamelet.yaml"));
    static final Path README = Path.of("README.md");

    private SettingsDocs() {
    }

    /** Every generated file as it should be, by its path in the project. */
    static Map<Path, String> expected(Path project) throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(OPTIONS, OptionsSource.write());
        for (Path kamelet : KAMELETS) {
            files.put(kamelet, KameletSettings.rewrite(read(project, kamelet), kamelet.toString()));
        }
        files.put(README, ReadmePresets.rewrite(ReadmeSettings.rewrite(read(project, README), README.toString()),
                README.toString()));
        return files;
    }

    /** Rewrites the generated files that are out of date; returns their paths. */
    static List<Path> write(Path project) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, String> file : expected(project).entrySet()) {
            if (!file.getValue().equals(read(project, file.getKey()))) {
                Files.writeString(project.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
                written.add(file.getKey());
            }
        }
        return written;
    }

    /** The file's text, {@code ""} when there is none. */
    static String read(Path project, Path file) throws IOException {
        Path path = project.resolve(file);
        return Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
    }

    /** @param args the project directory (default: the working directory) */
    public static void main(String[] args) throws IOException {
        List<Path> written = write(Path.of(args.length > 0 ? args[0] : "."));
        System.out.println(written.isEmpty() ? "Generated settings files are up to date." : "Rewrote " + written);
    }
}
