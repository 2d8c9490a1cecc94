package org.camelb2b.token.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The README's table of presets, in its marked region of "Add a provider", generated from {@link Preset}. */
final class ReadmePresets {

    static final String START = "<!-- presets: generated from Preset by SettingsDocs; do not edit -->";
    static final String END = "<!-- end of presets -->";

    private ReadmePresets() {
    }

    static String rewrite(String readme, String file) {
        return GeneratedRegions.replace(readme, file, START, END, region -> table());
    }

    private static List<String> table() {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("| preset | dialect | token path | timestamp | also | hosts (environment) | source |");
        out.add("|---|---|---|---|---|---|---|");
        for (Preset p : Preset.values()) {
            Map<ProviderSetting<?>, String> f = p.settings();
            String zone = f.get(ProviderSetting.TIMESTAMP_ZONE);
            String timestamp = zone == null ? "dialect default"
                    : code(zone) + (Boolean.parseBoolean(f.get(ProviderSetting.TIMESTAMP_MILLIS)) ? ", milliseconds" : "")
                    + assumed(p, ProviderSetting.TIMESTAMP_ZONE);
            List<String> also = new ArrayList<>();
            for (ProviderSetting<?> s : List.of(ProviderSetting.SIGN_SORTED_QUERY,
                    ProviderSetting.TOKEN_REQUEST_ADDITIONAL_INFO, ProviderSetting.TOKEN_TYPES,
                    ProviderSetting.TOKEN_EXPIRES_IN_DATE_TIME)) {
                if (f.containsKey(s)) {
                    also.add(code(s.name() + "=" + f.get(s)));
                }
            }
            List<String> hosts = new ArrayList<>();
            for (Preset.Environment e : Preset.Environment.values()) {
                if (p.baseUrl(e) != null) {
                    hosts.add(e.text() + ": " + p.baseUrl(e));
                }
            }
            out.add("| " + code(p.presetName()) + " | " + f.get(ProviderSetting.DIALECT) + " | "
                    + code(f.get(ProviderSetting.TOKEN_PATH)) + assumed(p, ProviderSetting.TOKEN_PATH) + " | " + timestamp
                    + " | " + String.join(", ", also) + " | " + (hosts.isEmpty() ? "not documented: set base-url"
                    : String.join("; ", hosts)) + " | " + p.source() + " |");
        }
        out.add("");
        return out;
    }

    private static String assumed(Preset p, ProviderSetting<?> s) {
        return p.assumes(s) ? " (not documented: a default)" : "";
    }

    private static String code(String text) {
        return "`" + text + "`";
    }
}
