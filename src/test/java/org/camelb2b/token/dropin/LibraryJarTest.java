package org.camelb2b.token.dropin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/** The library jar (what an application depends on) holds the library and nothing of the standalone app. */
class LibraryJarTest {

    @Test
    void theLibraryJarHoldsNoStandaloneApp() throws Exception {
        try (JarFile jar = new JarFile(ApplicationBuild.libraryJar().toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
            assertTrue(names.contains("org/camelb2b/token/flow/B2bRuntime.class"), names.toString());
            assertTrue(names.contains("camel-b2b-token/routes/b2b-token-template.yaml"), names.toString());
            List<String> app = names.stream().filter(name -> name.matches("org/camelb2b/token/(main|sandbox|gateway|tool)/.*")
                    || name.endsWith(".pem") || name.endsWith("application.properties") || name.endsWith("log4j2.properties")
                    || name.endsWith("gateway.yaml") || name.endsWith("providers.yaml")).toList();
            assertEquals(List.of(), app, "the standalone app's classes and files");
        }
    }

    /**
     * Hazelcast is optional: only org.camelb2b.token.cluster refers to it, and that package is
     * loaded by name when b2b.token.store=hazelcast, so an application without Hazelcast loads no
     * class that needs it (DropInTest runs one).
     */
    @Test
    void onlyTheClusterPackageRefersToHazelcast() throws Exception {
        try (JarFile jar = new JarFile(ApplicationBuild.libraryJar().toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
            assertTrue(names.contains("org/camelb2b/token/cluster/HazelcastTokenStore.class"), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("com/hazelcast/")), "Hazelcast itself in the library jar");
            List<String> referring = new java.util.ArrayList<>();
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.getName().endsWith(".class") || entry.getName().startsWith("org/camelb2b/token/cluster/")) {
                    continue;
                }
                String text = new String(jar.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                if (text.contains("com/hazelcast/")) {
                    referring.add(entry.getName());
                }
            }
            assertEquals(List.of(), referring, "library classes outside the cluster package that refer to Hazelcast");
        }
    }
}
