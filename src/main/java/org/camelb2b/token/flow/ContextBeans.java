package org.camelb2b.token.flow;

import java.util.function.Function;

import org.apache.camel.CamelContext;

/** The bundle's per-context singletons, kept in the context's registry so routes and beans share them. */
final class ContextBeans {

    private ContextBeans() {
    }

    /**
     * The bean bound as {@code name}, else one made by {@code create} and bound, once per context
     * even when called from several threads ({@code create} may register it further, for example
     * as a service or a startup listener).
     */
    static <T> T getOrBind(CamelContext context, String name, Class<T> type, Function<CamelContext, T> create) {
        T bean = context.getRegistry().lookupByNameAndType(name, type);
        if (bean != null) {
            return bean;
        }
        synchronized (context) {
            bean = context.getRegistry().lookupByNameAndType(name, type);
            if (bean == null) {
                bean = create.apply(context);
                context.getRegistry().bind(name, type, bean);
            }
            return bean;
        }
    }
}
