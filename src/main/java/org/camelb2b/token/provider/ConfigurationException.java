package org.camelb2b.token.provider;

import java.util.List;

/**
 * Configuration that cannot work. Thrown at startup so the application stops at once; the
 * message lists every problem found, each starting with the setting's full name
 * ({@code b2b.doku.client-id: is empty}), and never holds a secret.
 */
public class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigurationException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each naming its setting. */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return "Invalid B2B configuration: " + problems.get(0);
        }
        return "Invalid B2B configuration (" + problems.size() + " problems):\n  - " + String.join("\n  - ", problems);
    }
}
