package org.camelb2b.token.provider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The validated configuration of every declared provider, by id. Providers are registered at
 * startup ({@link #registerAll}), which checks all of them and reports every problem at once; a
 * provider first used without that (a route added later) is loaded and checked on first use.
 */
public final class ProviderRegistry {

    private final Map<String, ProviderConfig> providers = new ConcurrentHashMap<>();
    private final ProviderConfigLoader loader;

    public ProviderRegistry(Function<String, Optional<String>> properties) {
        this.loader = new ProviderConfigLoader(properties);
    }

    /**
     * Loads and registers the given providers.
     *
     * @throws ConfigurationException listing every problem of every provider
     */
    public void registerAll(Collection<String> ids) {
        List<String> problems = new ArrayList<>();
        Map<String, ProviderConfig> loaded = new java.util.LinkedHashMap<>();
        for (String id : ids) {
            ProviderConfig config = loader.load(id, problems);
            if (config != null) {
                loaded.put(id, config);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        providers.putAll(loaded);
    }

    /**
     * The provider's configuration, loading it on first use.
     *
     * @throws ConfigurationException when its settings are missing or wrong
     */
    public ProviderConfig get(String id) {
        ProviderConfig config = providers.get(id);
        return config != null ? config : providers.computeIfAbsent(id, loader::load);
    }

    /** Whether a provider of this id is registered. */
    public boolean contains(String id) {
        return id != null && providers.containsKey(id);
    }

    /** The registered providers, in no particular order. */
    public Collection<ProviderConfig> all() {
        return List.copyOf(providers.values());
    }
}
