package org.camelb2b.token.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/**
 * The README's table of the component's options against the metadata Camel's tooling generates
 * ({@code b2b.json}): every endpoint option that is not a provider setting (those are the
 * generated settings table) and every component option has its row, with the default the
 * metadata gives; and no row names an option the component does not have.
 */
class ComponentReadmeTest {

    @Test
    void theReadmeTableListsEveryOptionOfTheComponent() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/org/camelb2b/token/component/b2b.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("| option | for | default | meaning |"));
        table = table.substring(0, table.indexOf("\n\n"));

        List<String> missing = new ArrayList<>();
        List<String> documented = new ArrayList<>();
        for (Map.Entry<String, JsonNode> option : iterable(metadata.path("properties"))) {
            JsonNode o = option.getValue();
            if (o.path("label").asText().contains("provider") || option.getKey().equals("lazyStartProducer")) {
                continue;
            }
            documented.add(option.getKey());
            String row = row(table, option.getKey());
            if (row == null) {
                missing.add(option.getKey());
            } else if (o.has("defaultValue")) {
                assertTrue(row.contains("`" + o.path("defaultValue").asText() + "`"), option.getKey() + ": " + row);
            }
        }
        for (Map.Entry<String, JsonNode> option : iterable(metadata.path("componentProperties"))) {
            if (!option.getKey().equals("lazyStartProducer") && !option.getKey().equals("autowiredEnabled")
                    && row(table, option.getKey()) == null) {
                missing.add(option.getKey() + " (component)");
            }
        }
        assertEquals(List.of(), missing, "options without a README row");
        for (String line : table.split("\n")) {
            if (line.startsWith("| `")) {
                String name = line.substring(3, line.indexOf('`', 3));
                assertTrue(metadata.path("properties").has(name) || metadata.path("componentProperties").has(name),
                        "the README names an option the component has not got: " + name);
            }
        }
        assertTrue(documented.contains("path") && documented.contains("target"), documented.toString());
    }

    private static String row(String table, String option) {
        for (String line : table.split("\n")) {
            if (line.startsWith("| `" + option + "`")) {
                return line;
            }
        }
        return null;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
