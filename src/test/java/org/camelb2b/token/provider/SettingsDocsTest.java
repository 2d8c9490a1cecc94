package org.camelb2b.token.provider;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The files generated from {@link ProviderSetting} are up to date. With
 * {@code -Dsettings.write=true} it rewrites those that are not, instead of failing.
 */
class SettingsDocsTest {

    static final Path PROJECT = Path.of(System.getProperty("basedir", "."));

    @Test
    void generatedFilesAreUpToDate() throws Exception {
        if (Boolean.getBoolean("settings.write")) {
            SettingsDocs.write(PROJECT);
        }
        List<String> stale = new ArrayList<>();
        for (Map.Entry<Path, String> file : SettingsDocs.expected(PROJECT).entrySet()) {
            String actual = SettingsDocs.read(PROJECT, file.getKey());
            if (!actual.equals(file.getValue())) {
                stale.add(file.getKey() + " " + firstDifference(file.getValue(), actual));
            }
        }
        assertTrue(stale.isEmpty(), "Out of date with ProviderSetting:\n  " + String.join("\n  ", stale)
                + "\nRegenerate with: " + SettingsDocs.REGENERATE);
    }

    /** {@code line 12: expected '...', found '...'}. */
    static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? "'" + e[i] + "'" : "(end of file)";
            String al = i < a.length ? "'" + a[i] + "'" : "(end of file)";
            if (!el.equals(al)) {
                return "line " + (i + 1) + ": expected " + el + ", found " + al;
            }
        }
        return "(same lines)";
    }
}
