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
 * The kamelet files as Camel's kamelet conventions and our settings need them: an action, every
 * placeholder in the template defined as a property, every property used, the required ones
 * without defaults, the optional ones with one, the secrets marked as passwords, and the
 * declaration bean's properties exactly the provider settings it has setters for.
 */
class KameletDefinitionTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z][A-Za-z0-9]*)}}");
    static final Set<String> SECRETS = Set.of("privateKey", "privateKeyPassword", "clientSecret");

    @ParameterizedTest
    @ValueSource(strings = {"b2b-token-action", "b2b-payment-call-action"})
    void definitionAndTemplateAgree(String name) throws Exception {
        JsonNode kamelet;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("kamelets/" + name + ".kamelet.yaml")) {
            kamelet = YAML.readTree(in);
        }
        assertEquals("Kamelet", kamelet.at("/kind").asText());
        assertEquals(name, kamelet.at("/metadata/name").asText());
        assertEquals("action", kamelet.at("/metadata/labels/camel.apache.org~1kamelet.type").asText());
        JsonNode properties = kamelet.at("/spec/definition/properties");
        Set<String> defined = new TreeSet<>();
        properties.fieldNames().forEachRemaining(defined::add);
        Set<String> required = new TreeSet<>();
        kamelet.at("/spec/definition/required").forEach(r -> required.add(r.asText()));

        // every placeholder in the template is a property, and every property is used
        Set<String> used = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(YAML.writeValueAsString(kamelet.at("/spec/template")));
        while (m.find()) {
            used.add(m.group(1));
        }
        used.removeAll(beanNames(kamelet));
        assertEquals(defined, used, "template placeholders vs definition properties");

        List<String> problems = new ArrayList<>();
        for (String property : defined) {
            JsonNode p = properties.get(property);
            if (!p.hasNonNull("title") || !p.hasNonNull("description") || !p.hasNonNull("type")) {
                problems.add(property + ": needs title, description and type");
            }
            if (required.contains(property) == p.has("default")) {
                problems.add(property + (required.contains(property) ? ": required, so no default"
                        : ": optional, so it needs a default (Camel does not resolve a missing one)"));
            }
            if (SECRETS.contains(property) != "password".equals(p.path("format").asText())) {
                problems.add(property + (SECRETS.contains(property) ? ": a secret must be format: password"
                        : ": not a secret"));
            }
        }
        assertTrue(problems.isEmpty(), problems.toString());

        // the declaration bean gets the provider and every provider setting, by the setter's name
        JsonNode declaration = kamelet.at("/spec/template/beans/0");
        assertEquals("#class:" + ProviderDeclaration.class.getName(), declaration.path("type").asText());
        assertEquals("declare", declaration.path("initMethod").asText());
        Set<String> beanProperties = new TreeSet<>();
        declaration.path("properties").fieldNames().forEachRemaining(beanProperties::add);
        Set<String> setters = new TreeSet<>();
        for (var method : ProviderDeclaration.class.getMethods()) {
            if (method.getName().startsWith("set") && method.getParameterCount() == 1
                    && !method.getName().equals("setCamelContext")) {
                setters.add(Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4));
            }
        }
        setters.remove(name.equals("b2b-payment-call-action") ? "" : "calls");
        assertEquals(setters, beanProperties, "bean properties vs ProviderDeclaration setters");
        for (Map.Entry<String, JsonNode> e : iterable(declaration.path("properties"))) {
            if (!e.getKey().equals("calls")) {
                assertEquals("{{" + e.getKey() + "}}", e.getValue().asText(), "bean property " + e.getKey());
            }
        }
    }

    private static Set<String> beanNames(JsonNode kamelet) {
        Set<String> names = new TreeSet<>();
        kamelet.at("/spec/template/beans").forEach(b -> names.add(b.path("name").asText()));
        return names;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
