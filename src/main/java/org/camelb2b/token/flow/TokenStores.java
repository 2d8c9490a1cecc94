package org.camelb2b.token.flow;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.camelb2b.token.cache.TokenStore;
import org.camelb2b.token.provider.Placeholders;

/**
 * Chooses the token store by {@code b2b.token.store}: {@code local} (the default: each instance
 * requests its own tokens) or {@code hazelcast} (shared by the members of a cluster). The
 * Hazelcast store ({@code org.camelb2b.token.cluster}) is loaded by name, and only when chosen:
 * Hazelcast is an optional dependency, and an application without it loads none of its classes.
 */
final class TokenStores {

    static final String SETTING = "b2b.token.store";
    private static final String HAZELCAST_FACTORY = "org.camelb2b.token.cluster.HazelcastTokenStores";

    private TokenStores() {
    }

    /** The store the settings choose, or null with every problem added to {@code problems}. */
    static TokenStore configure(CamelContext context, List<String> problems) {
        Function<String, Optional<String>> settings = name -> Placeholders.resolve(context, name);
        String kind = settings.apply(SETTING).map(String::trim).filter(v -> !v.isEmpty()).orElse("local");
        switch (kind) {
            case "local":
                return TokenStore.LOCAL;
            case "hazelcast":
                return hazelcast(context, settings, problems);
            default:
                problems.add(SETTING + ": must be local or hazelcast, was '" + kind + "'");
                return null;
        }
    }

    private static TokenStore hazelcast(CamelContext context, Function<String, Optional<String>> settings,
                                        List<String> problems) {
        try {
            Class.forName("com.hazelcast.core.HazelcastInstance", false, TokenStores.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            problems.add(SETTING + ": hazelcast needs com.hazelcast:hazelcast (5.4) on the classpath; it is not there");
            return null;
        }
        try {
            Object store = Class.forName(HAZELCAST_FACTORY, true, TokenStores.class.getClassLoader())
                    .getMethod("create", CamelContext.class, Function.class, List.class)
                    .invoke(null, context, settings, problems);
            return (TokenStore) store;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("cannot start the Hazelcast token store", cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the Hazelcast token store", e);
        }
    }
}
