package org.camelb2b.token.kamelet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kamelet files as Camel's kamelet conventions and the {@code b2b} component need them: an
 * action, a thin wrapper of one {@code b2b:} endpoint, every parameter it passes an option of that
 * endpoint in the component's generated metadata ({@code b2b.json}), every placeholder a property
 * and every property used, required ones without defaults, a property passed as an optional
 * placeholder ({@code {{?name}}}) without a default (so the {@code b2b.<provider>.*} property
 * applies), and exactly the options the metadata marks secret as {@code format: password}.
 */
class KameletDefinitionTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\??)([A-Za-z][A-Za-z0-9]*)}}");

    @ParameterizedTest
    @ValueSource(strings = {"b2b-token-action", "b2b-payment-call-action"})
    void definitionAndTemplateAgree(String name) throws Exception {
        JsonNode kamelet;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("kamelets/" + name + ".kamelet.yaml")) {
            kamelet = YAML.readTree(in);
        }
        JsonNode endpointOptions;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/org/camelb2b/token/component/b2b.json")) {
            endpointOptions = JSON.readTree(in).path("properties");
        }
        assertEquals("Kamelet", kamelet.at("/kind").asText());
        assertEquals(name, kamelet.at("/metadata/name").asText());
        assertEquals("action", kamelet.at("/metadata/labels/camel.apache.org~1kamelet.type").asText());
        JsonNode properties = kamelet.at("/spec/definition/properties");
        Set<String> defined = new TreeSet<>();
        properties.fieldNames().forEachRemaining(defined::add);
        Set<String> required = new TreeSet<>();
        kamelet.at("/spec/definition/required").forEach(r -> required.add(r.asText()));

        // one step: the b2b endpoint, its options from the kamelet's properties
        JsonNode steps = kamelet.at("/spec/template/from/steps");
        assertEquals(1, steps.size(), "one step");
        JsonNode to = steps.get(0).path("to");
        String kind = name.equals("b2b-token-action") ? "token" : "call";
        assertEquals("b2b:" + kind + ":{{provider}}", to.path("uri").asText());
        assertTrue(kamelet.at("/spec/template/beans").isMissingNode(), "no beans: the component does the work");

        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>(Set.of("provider"));
        Set<String> optional = new TreeSet<>();
        for (Map.Entry<String, JsonNode> parameter : iterable(to.path("parameters"))) {
            JsonNode option = endpointOptions.get(parameter.getKey());
            if (option == null) {
                problems.add(parameter.getKey() + ": not an option of the b2b endpoint");
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(parameter.getValue().asText());
            if (!m.find()) {
                problems.add(parameter.getKey() + ": not from a kamelet property");
                continue;
            }
            used.add(m.group(2));
            if (!m.group(1).isEmpty()) {
                optional.add(m.group(2));
            }
            JsonNode property = properties.path(m.group(2));
            if (option.path("secret").asBoolean() != "password".equals(property.path("format").asText())) {
                problems.add(m.group(2) + (option.path("secret").asBoolean() ? ": a secret must be format: password"
                        : ": not a secret"));
            }
        }
        assertEquals(defined, used, "template placeholders vs definition properties");
        for (String property : defined) {
            JsonNode p = properties.get(property);
            if (!p.hasNonNull("title") || !p.hasNonNull("description") || !p.hasNonNull("type")) {
                problems.add(property + ": needs title, description and type");
            }
            if (required.contains(property) && p.has("default")) {
                problems.add(property + ": required, so no default");
            }
            if (optional.contains(property) && p.has("default")) {
                problems.add(property + ": passed only when given, so no default (b2b.<provider>.* applies)");
            }
            if (!required.contains(property) && !optional.contains(property) && !p.has("default")) {
                problems.add(property + ": optional, so it needs a default (Camel does not resolve a missing one)");
            }
        }
        assertTrue(problems.isEmpty(), problems.toString());
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
