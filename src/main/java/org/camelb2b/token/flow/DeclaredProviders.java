package org.camelb2b.token.flow;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;

/**
 * Finds the providers declared in a CamelContext: every route of the {@code b2b-token} group,
 * whether made from the template (its {@code provider} parameter) or written out by hand
 * (consuming from {@code direct:b2b-token-<provider>}). Reads the route definitions, so it works
 * before any route starts.
 */
public final class DeclaredProviders {

    private DeclaredProviders() {
    }

    public static Set<String> of(CamelContext context) {
        Set<String> ids = new LinkedHashSet<>();
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        for (RouteDefinition route : model.getRouteDefinitions()) {
            if (!B2bExchange.ROUTE_GROUP.equals(route.getGroup())) {
                continue;
            }
            Map<String, Object> parameters = route.getTemplateParameters();
            Object provider = parameters == null ? null : parameters.get("provider");
            if (provider != null) {
                ids.add(provider.toString());
            } else if (route.getInput() != null) {
                String uri = route.getInput().getEndpointUri().replace("direct://", "direct:");
                if (uri.startsWith(B2bExchange.ENDPOINT_PREFIX) && !uri.contains("{{")) {
                    String id = uri.substring(B2bExchange.ENDPOINT_PREFIX.length());
                    int query = id.indexOf('?');
                    ids.add(query < 0 ? id : id.substring(0, query));
                }
            }
        }
        return ids;
    }
}
