package org.camelb2b.token.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.camelb2b.token.dialect.Dialects;

/** The README's table of provider settings, in its marked region of "Configuration". */
final class ReadmeSettings {

    static final String START = "<!-- provider settings: generated from ProviderSetting by SettingsDocs; do not edit -->";
    static final String END = "<!-- end of provider settings -->";

    private ReadmeSettings() {
    }

    static String rewrite(String readme, String file) {
        return GeneratedRegions.replace(readme, file, START, END, region -> table());
    }

    private static List<String> table() {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("| setting | type / range | default | meaning | for all providers |");
        out.add("|---|---|---|---|---|");
        for (ProviderSetting<?> s : ProviderSetting.all()) {
            out.add("| " + code("b2b.<p>." + s.name()) + " | " + typeText(s) + " | " + defaultText(s) + " | "
                    + cell(s.description()) + " | " + (s.globalName() == null ? "" : code(s.globalName())) + " |");
        }
        out.add("");
        return out;
    }

    private static String typeText(ProviderSetting<?> s) {
        SettingType<?> type = s.type();
        SettingType.Range range = type.range();
        String text = switch (type.kind()) {
            case TEXT -> "text";
            case KEY -> "private key";
            case PUBLIC_KEY -> "public key";
            case URL -> "http(s) URL";
            case PATH -> "path";
            case ZONE -> "zone";
            case CHOICE -> type.choices().stream().map(ReadmeSettings::code).collect(Collectors.joining(" or "));
            case LIST -> "comma-separated words";
            case BOOLEAN -> code("true") + " or " + code("false");
            case COUNT, MILLIS -> range.min() + "-" + range.max() + " " + type.unit();
            case FRACTION -> "fraction, " + range.min() + " to " + range.max() + " exclusive";
        };
        return s.secret() ? text + ", secret" : text;
    }

    private static String defaultText(ProviderSetting<?> s) {
        if (s.required()) {
            return "**required**";
        }
        String value = SettingText.defaultValue(s, ReadmeSettings::code);
        return s.requiredBy().isEmpty() ? value : value + "; required by " + String.join(", ", s.requiredBy());
    }

    private static String code(String text) {
        return "`" + text + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
