package org.camelb2b.token.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camelb2b.token.dialect.Dialects;

/**
 * The source of {@code component.ProviderOptions}, the {@code b2b:} endpoint's provider options:
 * one boxed, typed field per setting (null: not given), its javadoc the description (Camel's
 * tooling takes option descriptions from it), getters and setters, {@code settings()} and a
 * {@code toString()} that shows names only.
 */
final class OptionsSource {

    private static final int WIDTH = 110;

    private OptionsSource() {
    }

    static String write() {
        List<String> out = new ArrayList<>(List.of(
                "package org.camelb2b.token.component;",
                "",
                "import java.util.LinkedHashMap;",
                "import java.util.Map;",
                "",
                "import org.apache.camel.spi.UriParam;",
                "import org.apache.camel.spi.UriParams;",
                "",
                "/**",
                " * The provider settings a {@code b2b:} endpoint may give: one option per setting",
                " * {@code b2b.<provider>.<name>}, in camelCase. An option left out falls back to that property,",
                " * then to its default; {@link #settings()} gives the options set to the settings loader as text,",
                " * by setting name, so they are parsed and checked as the properties are.",
                " *",
                " * <p>Generated from {@code org.camelb2b.token.provider.ProviderSetting} by {@code SettingsDocs}, in",
                " * the tests: do not edit. After changing the catalogue run",
                " * {@code " + SettingsDocs.REGENERATE + "}.",
                " */",
                "@UriParams",
                "public class ProviderOptions {",
                ""));
        for (ProviderSetting<?> s : ProviderSetting.outbound()) {
            out.add("    /**");
            String text = javadoc(s.description()) + " " + SettingText.notGiven(s, t -> "{@code " + t + "}");
            for (String line : wrap(text, WIDTH - 7)) {
                out.add("     * " + line);
            }
            out.add("     */");
            out.addAll(wrapAttributes("    @UriParam(", annotation(s), ")"));
            out.add("    private " + type(s) + " " + s.option() + ";");
            out.add("");
        }
        out.add("    /** The options set (not blank), by setting name ({@code base-url}, ...), as text. */");
        out.add("    public Map<String, String> settings() {");
        out.add("        Map<String, String> given = new LinkedHashMap<>();");
        for (ProviderSetting<?> s : ProviderSetting.outbound()) {
            out.add("        put(given, " + literal(s.name()) + ", " + s.option() + ");");
        }
        out.add("        return given;");
        out.add("    }");
        out.add("");
        out.add("    private static void put(Map<String, String> given, String name, Object value) {");
        out.add("        if (value != null && !value.toString().isBlank()) {");
        out.add("            given.put(name, value.toString());");
        out.add("        }");
        out.add("    }");
        for (ProviderSetting<?> s : ProviderSetting.outbound()) {
            String property = Character.toUpperCase(s.option().charAt(0)) + s.option().substring(1);
            out.add("");
            out.add("    public " + type(s) + " get" + property + "() {");
            out.add("        return " + s.option() + ";");
            out.add("    }");
            out.add("");
            out.add("    public void set" + property + "(" + type(s) + " " + s.option() + ") {");
            out.add("        this." + s.option() + " = " + s.option() + ";");
            out.add("    }");
        }
        out.add("");
        out.add("    @Override");
        out.add("    public String toString() {");
        out.add("        // names only: the values include the private key and the client secret");
        out.add("        return \"ProviderOptions\" + settings().keySet();");
        out.add("    }");
        out.add("}");
        out.add("");
        return String.join("\n", out);
    }

    private static List<String> annotation(ProviderSetting<?> s) {
        List<String> a = new ArrayList<>();
        a.add("label = " + literal(s.secret() ? "provider,security" : "provider"));
        a.add("displayName = " + literal(s.title()));
        Map<String, String> shown = s.shownDefaults();
        if (shown.containsKey("")) {
            a.add("defaultValue = " + literal(shown.get("")));
        } else if (!shown.isEmpty()) {
            a.add("defaultValueNote = " + literal(SettingText.defaultValue(s, v -> v)));
        }
        if (s.type().choices() != null) {
            a.add("enums = " + literal(String.join(",", s.type().choices())));
        }
        if (s.secret()) {
            a.add("secret = true");
        }
        return a;
    }

    private static String type(ProviderSetting<?> s) {
        return s.type().optionType().getSimpleName();
    }

    private static String literal(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String javadoc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                .replace("*/", "*&#47;");
    }

    /** {@code start}, the attributes and {@code end}, on as few lines as fit, the others indented 12. */
    private static List<String> wrapAttributes(String start, List<String> attributes, String end) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(start);
        for (int i = 0; i < attributes.size(); i++) {
            String attribute = attributes.get(i) + (i < attributes.size() - 1 ? "," : end);
            if (i > 0 && line.length() + 1 + attribute.length() > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
                line.append("            ").append(attribute);
            } else {
                line.append(i > 0 ? " " : "").append(attribute);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** {@code text} in lines of at most {@code width} characters, broken at spaces outside inline tags. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.replace("{@code ", "{@code\u0000").split(" ")) {
            word = word.replace('\u0000', ' ');
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
