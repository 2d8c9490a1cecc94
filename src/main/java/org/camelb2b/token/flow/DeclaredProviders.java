package org.camelb2b.token.flow;

import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;

/**
 * Finds the providers declared in a CamelContext: every route of the {@code b2b-token} group
 * consuming from {@code direct:b2b-token-<provider>}.
 */
public final class DeclaredProviders {

    private DeclaredProviders() {
    }

    public static Set<String> of(CamelContext context) {
        Set<String> ids = new LinkedHashSet<>();
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        for (RouteDefinition route : model.getRouteDefinitions()) {
            if (!B2bExchange.ROUTE_GROUP.equals(route.getGroup()) || route.getInput() == null) {
                continue;
            }
            String uri = route.getInput().getEndpointUri();
            String normal = uri.replace("direct://", "direct:");
            if (normal.startsWith(B2bExchange.ENDPOINT_PREFIX)) {
                String id = normal.substring(B2bExchange.ENDPOINT_PREFIX.length());
                int query = id.indexOf('?');
                ids.add(query < 0 ? id : id.substring(0, query));
            }
        }
        return ids;
    }
}
