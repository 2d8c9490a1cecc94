package org.camelb2b.token.kamelet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.camelb2b.token.provider.ProviderSetting;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kamelet files as Camel's kamelet conventions need them: an action, every placeholder in the
 * template defined as a property and every property used, each with a title, description and
 * type; a property Camel must always resolve ({@code {{name}}}) has a default unless required; a
 * provider setting has none, so that leaving it out leaves the option out and its
 * {@code b2b.<provider>.*} property applies; the secrets, and only they, are passwords. (The provider settings' part of each
 * file is generated from {@link ProviderSetting}; {@code SettingsDocsTest} keeps it current.)
 */
class KameletDefinitionTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\??)([A-Za-z][A-Za-z0-9]*)}}");
    static final Set<String> SETTINGS = ProviderSetting.all().stream().map(ProviderSetting::option)
            .collect(Collectors.toSet());
    static final Set<String> SECRETS = ProviderSetting.all().stream().filter(ProviderSetting::secret)
            .map(ProviderSetting::option).collect(Collectors.toSet());

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
        Set<String> alwaysResolved = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(YAML.writeValueAsString(kamelet.at("/spec/template")));
        while (m.find()) {
            used.add(m.group(2));
            if (m.group(1).isEmpty()) {
                alwaysResolved.add(m.group(2));
            }
        }
        assertEquals(defined, used, "template placeholders vs definition properties");

        List<String> problems = new ArrayList<>();
        for (String property : defined) {
            JsonNode p = properties.get(property);
            if (!p.hasNonNull("title") || !p.hasNonNull("description") || !p.hasNonNull("type")) {
                problems.add(property + ": needs title, description and type");
            }
            if (required.contains(property) && p.has("default")) {
                problems.add(property + ": required, so no default");
            } else if (!required.contains(property) && alwaysResolved.contains(property) && !p.has("default")) {
                problems.add(property + ": optional and used as {{" + property + "}}, so it needs a default"
                        + " (Camel does not resolve a missing one)");
            } else if (SETTINGS.contains(property) && p.has("default")) {
                problems.add(property + ": a provider setting, so no default (it would be given as the option,"
                        + " hiding the b2b.<provider>.* property)");
            }
            if (SECRETS.contains(property) != "password".equals(p.path("format").asText())) {
                problems.add(property + (SECRETS.contains(property) ? ": a secret must be format: password"
                        : ": not a secret"));
            }
        }
        assertTrue(problems.isEmpty(), problems.toString());
    }
}
