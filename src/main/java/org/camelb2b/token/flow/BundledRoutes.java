package org.camelb2b.token.flow;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * The bundle's own routes, which the {@code b2b} component adds to its context when the context
 * has not got them: a provider's fetch route (from the {@code b2b-token-fetch} route template,
 * which the token cache calls on a miss) and the signed-call route ({@code direct:b2b-call}). The
 * YAML files are in the jar under {@code camel-b2b-token/routes/}; a template or route the
 * application loaded or wrote itself is used as it is.
 *
 * <p>Called by the component while the context starts (after every route has been made, before
 * any consumer starts) or, for an endpoint created later, once the context runs: never while
 * another route is being made.
 */
public final class BundledRoutes {

    /** Where the jar keeps the route files. */
    public static final String LOCATION = "classpath:camel-b2b-token/routes/";
    /** The fetch route template's id (build headers -> sign -> POST -> parse). */
    public static final String FETCH_TEMPLATE = "b2b-token-fetch";
    /** The signed-call route's id and endpoint. */
    public static final String CALL_ROUTE = "b2b-call";
    public static final String CALL_ENDPOINT = "direct:b2b-call";

    private BundledRoutes() {
    }

    /** The id of the provider's fetch route. */
    public static String fetchRouteId(String provider) {
        return FETCH_TEMPLATE + "-" + provider;
    }

    /** Adds the provider's fetch route unless the context has a route consuming from its endpoint. */
    public static void addFetchRoute(CamelContext context, String provider) throws Exception {
        ModelCamelContext model = (ModelCamelContext) context;
        if (hasRoute(model, fetchRouteId(provider), B2bExchange.FETCH_ENDPOINT_PREFIX + provider)) {
            return;
        }
        if (model.getRouteTemplateDefinition(FETCH_TEMPLATE) == null) {
            load(context, "b2b-token-fetch.yaml");
        }
        String routeId = model.addRouteFromTemplate(fetchRouteId(provider), FETCH_TEMPLATE, Map.of("provider", provider));
        start(model, routeId);
    }

    /** Adds {@code direct:b2b-call} unless the context has it. */
    public static void addCallRoute(CamelContext context) throws Exception {
        ModelCamelContext model = (ModelCamelContext) context;
        if (hasRoute(model, CALL_ROUTE, CALL_ENDPOINT)) {
            return;
        }
        load(context, "b2b-payment-call.yaml");
        start(model, CALL_ROUTE);
    }

    private static boolean hasRoute(ModelCamelContext model, String routeId, String endpoint) {
        if (model.getRoute(routeId) != null || model.getRouteDefinition(routeId) != null) {
            return true;
        }
        for (RouteDefinition route : model.getRouteDefinitions()) {
            if (route.getInput() != null && endpoint.equals(route.getInput().getEndpointUri().replace("direct://", "direct:"))) {
                return true;
            }
        }
        return false;
    }

    private static void load(CamelContext context, String file) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context, LOCATION + file));
    }

    /**
     * Makes the route. While the context starts, Camel starts it with the others; once it runs, now.
     */
    private static void start(ModelCamelContext model, String routeId) throws Exception {
        if (model.getRoute(routeId) == null) {
            model.startRouteDefinitions(List.of(model.getRouteDefinition(routeId)));
        }
    }
}
