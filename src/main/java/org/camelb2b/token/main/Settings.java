package org.camelb2b.token.main;

import java.util.List;
import java.util.Locale;

import org.apache.camel.CamelContext;
import org.camelb2b.token.provider.ConfigurationException;

/** Reads application-level settings ({@code b2b.sandbox.*}, {@code b2b.warmup.*}) with checks. */
final class Settings {

    private Settings() {
    }

    static boolean flag(CamelContext context, String name, boolean defaultValue) {
        String value = context.getPropertiesComponent().resolveProperty(name).map(String::strip).orElse("");
        if (value.isEmpty()) {
            return defaultValue;
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigurationException(List.of(name + ": must be true or false, was '" + value + "'"));
        }
        return Boolean.parseBoolean(v);
    }

    static String required(CamelContext context, String name) {
        String value = context.getPropertiesComponent().resolveProperty(name).map(String::strip).orElse("");
        if (value.isEmpty()) {
            throw new ConfigurationException(List.of(name + ": is not set"));
        }
        return value;
    }

    static int port(CamelContext context, String name, int defaultValue) {
        String value = context.getPropertiesComponent().resolveProperty(name).map(String::strip).orElse("");
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException(List.of(name + ": must be a port number 0-65535, was '" + value + "'"));
    }
}
