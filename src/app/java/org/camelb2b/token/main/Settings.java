package org.camelb2b.token.main;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.camelb2b.token.provider.Placeholders;

/**
 * Reads the standalone application's own settings ({@code b2b.sandbox.*}, {@code b2b.warmup.*},
 * {@code b2b.gateway.*}). A wrong value is recorded in {@code problems} under its full name and
 * the default is used, so one failed start reports every problem.
 */
final class Settings {

    private final CamelContext context;
    private final List<String> problems;

    Settings(CamelContext context, List<String> problems) {
        this.context = context;
        this.problems = problems;
    }

    private Optional<String> value(String name) {
        try {
            return Placeholders.resolve(context, name).map(String::strip).filter(v -> !v.isEmpty());
        } catch (Placeholders.UnresolvedSettingException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }

    boolean flag(String name, boolean defaultValue) {
        Optional<String> value = value(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String v = value.get().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            problems.add(name + ": must be true or false, was '" + value.get() + "'");
            return defaultValue;
        }
        return Boolean.parseBoolean(v);
    }

    /** The value, or null (recorded as a problem) when not set. */
    String required(String name) {
        Optional<String> value = value(name);
        if (value.isEmpty()) {
            problems.add(name + ": is not set");
            return null;
        }
        return value.get();
    }

    String optional(String name, String defaultValue) {
        return value(name).orElse(defaultValue);
    }

    int port(String name, int defaultValue) {
        Optional<String> value = value(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int port = Integer.parseInt(value.get());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // recorded below
        }
        problems.add(name + ": must be a port number 0-65535, was '" + value.get() + "'");
        return defaultValue;
    }

    /** A whole number from {@code min} to {@code max}; anything else is a problem (the default is used). */
    long number(String name, long defaultValue, long min, long max, String unit) {
        Optional<String> value = value(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(value.get().replace("_", ""));
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // recorded below
        }
        problems.add(name + ": must be a whole number of " + unit + " from " + min + " to " + max + ", was '"
                + value.get() + "'");
        return defaultValue;
    }

    void problem(String problem) {
        problems.add(problem);
    }
}
