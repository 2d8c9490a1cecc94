package org.camelb2b.token.provider;

import java.util.ArrayList;
import java.util.List;

import org.camelb2b.token.dialect.Dialects;

/**
 * The provider settings of a kamelet file, in its two marked regions: under
 * {@code spec.definition.properties} one property per setting (title, description, JSON-schema
 * type and range, secrets as passwords), and under the endpoint's {@code parameters} one optional
 * placeholder per setting, so a property not given leaves the option out and the
 * {@code b2b.<provider>.*} property applies. The properties have no {@code default}: a kamelet
 * default would be given as the option and hide that property.
 */
final class KameletSettings {

    static final String START = "# --- provider settings: generated from ProviderSetting by SettingsDocs; do not edit ---";
    static final String END = "# --- end of provider settings ---";

    private KameletSettings() {
    }

    static String rewrite(String kamelet, String file) {
        return GeneratedRegions.replace(kamelet, file, START, END, region -> switch (region.parent()) {
            case "properties:" -> properties(region.indent());
            case "parameters:" -> parameters(region.indent());
            default -> throw new IllegalStateException(file + ": provider settings under '" + region.parent()
                    + "', expected under 'properties:' or 'parameters:'");
        });
    }

    private static List<String> properties(String indent) {
        String in = indent + "  ";
        List<String> out = new ArrayList<>();
        for (ProviderSetting<?> s : ProviderSetting.outbound()) {
            out.add(indent + s.option() + ":");
            out.add(in + "title: " + quoted(s.title()));
            out.add(in + "description: " + quoted(SettingText.described(s)));
            out.add(in + "type: " + jsonType(s.type()));
            if (s.type().choices() != null) {
                out.add(in + "enum:");
                s.type().choices().forEach(name -> out.add(in + "  - " + name));
            }
            SettingType.Range range = s.type().range();
            if (range != null) {
                out.add(in + "minimum: " + range.min());
                if (range.exclusive()) {
                    out.add(in + "exclusiveMinimum: true");
                }
                out.add(in + "maximum: " + range.max());
                if (range.exclusive()) {
                    out.add(in + "exclusiveMaximum: true");
                }
            }
            if (s.secret()) {
                out.add(in + "format: password");
                out.add(in + "x-descriptors:");
                out.add(in + "  - urn:camel:group:credentials");
            }
        }
        return out;
    }

    private static List<String> parameters(String indent) {
        List<String> out = new ArrayList<>();
        for (ProviderSetting<?> s : ProviderSetting.outbound()) {
            out.add(indent + s.option() + ": \"{{?" + s.option() + "}}\"");
        }
        return out;
    }

    /** The JSON-schema type of the option's Java type. */
    static String jsonType(SettingType<?> type) {
        Class<?> t = type.optionType();
        if (t == Boolean.class) {
            return "boolean";
        }
        if (t == Integer.class || t == Long.class) {
            return "integer";
        }
        return t == Double.class ? "number" : "string";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
