package org.camelb2b.token.provider;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** How a setting's default and fallbacks read in every generated file, so they read the same. */
final class SettingText {

    private SettingText() {
    }

    /** {@code 64}, {@code Z (snap), +07:00 (klikoo)}, or {@code none}; values quoted with {@code code}. */
    static String defaultValue(ProviderSetting<?> setting, UnaryOperator<String> code) {
        Map<String, String> shown = setting.shownDefaults();
        if (shown.isEmpty()) {
            return "none";
        }
        if (shown.containsKey("")) {
            return code.apply(shown.get(""));
        }
        return shown.entrySet().stream().map(e -> code.apply(e.getValue()) + " (" + e.getKey() + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * Where a value comes from when an option or kamelet property does not give it:
     * {@code Not given: b2b.<provider>.max-concurrent-calls, else b2b.max-concurrent-calls, else 64 calls.};
     * names and values quoted with {@code code}.
     */
    static String notGiven(ProviderSetting<?> setting, UnaryOperator<String> code) {
        String own = code.apply("b2b.<provider>." + setting.name());
        if (setting.required()) {
            return "Required: here or as " + own + ".";
        }
        StringBuilder b = new StringBuilder("Not given: ").append(own);
        if (setting.globalName() != null) {
            b.append(", else ").append(code.apply(setting.globalName()));
        }
        b.append(", else ").append(defaultValue(setting, code));
        if (setting.type().unit() != null && !setting.shownDefaults().isEmpty()) {
            b.append(' ').append(setting.type().unit());
        }
        if (!setting.requiredBy().isEmpty()) {
            b.append(" (required by ").append(String.join(", ", setting.requiredBy())).append(')');
        }
        return b.append('.').toString();
    }

    /** The description with where a value not given comes from: what kamelet properties say. */
    static String described(ProviderSetting<?> setting) {
        return setting.description() + " " + notGiven(setting, UnaryOperator.identity());
    }
}
