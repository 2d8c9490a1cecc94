package org.camelb2b.token.flow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camelb2b.token.provider.ConfigurationException;
import org.camelb2b.token.provider.ProviderConfigLoader;

/**
 * Providers declared in one CamelContext, each by the {@code b2b:} endpoints that name it, with the
 * settings those endpoints give (a kamelet's properties become such options). A setting given here
 * wins over the property of the same name; a setting left out falls back to the property, then to
 * its default. Declaring a provider again with a different value for a setting is an error, since
 * both declarations would share one provider id, one token and one set of settings.
 */
public final class ProviderDeclarations {

    /** Full property name ({@code b2b.<id>.<setting>}) to value. */
    private final Map<String, String> settings = new ConcurrentHashMap<>();
    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    /**
     * Declares provider {@code id} with {@code given} settings (setting name, such as
     * {@code base-url}, to value; blank values count as not given).
     *
     * @throws ConfigurationException when the id is not a valid provider id, or a setting was
     *                                declared before with another value (names the settings, never
     *                                the values)
     */
    public synchronized void declare(String id, Map<String, String> given) {
        if (id == null || !ProviderConfigLoader.PROVIDER_ID.matcher(id).matches()) {
            throw new ConfigurationException(List.of("provider id '" + id
                    + "' must be lower-case letters, digits, '-' or '_' (at most 40)"));
        }
        List<String> conflicts = new ArrayList<>();
        given.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            String previous = settings.get(key(id, name));
            if (previous != null && !previous.equals(value)) {
                conflicts.add(key(id, name) + ": declared twice with different values; a provider id has one set"
                        + " of settings, so give the second declaration another provider id");
            }
        });
        if (!conflicts.isEmpty()) {
            throw new ConfigurationException(conflicts);
        }
        given.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                settings.put(key(id, name), value);
            }
        });
        ids.add(id);
    }

    /** A declared setting by its full property name ({@code b2b.<id>.<setting>}). */
    public Optional<String> setting(String propertyName) {
        return Optional.ofNullable(settings.get(propertyName));
    }

    /** The declared provider ids, in no particular order. */
    public Set<String> ids() {
        return new LinkedHashSet<>(ids);
    }

    private static String key(String id, String setting) {
        return "b2b." + id + "." + setting;
    }

    @Override
    public String toString() {
        // names only: the values include keys and secrets
        return "ProviderDeclarations" + ids;
    }
}
