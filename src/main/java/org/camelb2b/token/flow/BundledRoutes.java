package org.camelb2b.token.flow;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Adds the bundle's own routes to a CamelContext that does not have them yet: a provider's token
 * route (from the {@code b2b-token} route template) and the signed-call route
 * ({@code direct:b2b-call}). The YAML files are in the jar under {@code camel-b2b-token/routes/};
 * they are loaded only when the context has neither the template nor the route, so an
 * application that loads or writes its own keeps them.
 */
public final class BundledRoutes {

    /** Where the jar keeps the route files. */
    public static final String LOCATION = "classpath:camel-b2b-token/routes/";
    /** The token route template's id. */
    public static final String TOKEN_TEMPLATE = "b2b-token";
    /** The signed-call route's id and endpoint. */
    public static final String CALL_ROUTE = "b2b-call";
    public static final String CALL_ENDPOINT = "direct:b2b-call";

    private BundledRoutes() {
    }

    /** Makes sure {@code direct:b2b-token-<provider>} has a route, adding one from the template if not. */
    public static void ensureTokenRoute(CamelContext context, String provider) {
        keepingTemplateParameters(context, () -> addTokenRoute(context, provider));
    }

    /** Makes sure {@code direct:b2b-call} has a route, loading the bundled one if not. */
    public static void ensureCallRoute(CamelContext context) {
        keepingTemplateParameters(context, () -> addCallRoute(context));
    }

    /**
     * Runs {@code change} and then puts back the properties component's local properties: these
     * methods run while a kamelet's route is made from its template, whose parameters live there
     * until the route is done, and making or loading another route clears them.
     */
    private static void keepingTemplateParameters(CamelContext context, Runnable change) {
        Properties outer = context.getPropertiesComponent().getLocalProperties();
        try {
            change.run();
        } finally {
            context.getPropertiesComponent().setLocalProperties(outer);
        }
    }

    private static void addTokenRoute(CamelContext context, String provider) {
        ModelCamelContext model = (ModelCamelContext) context;
        synchronized (context) {
            if (DeclaredProviders.of(context).contains(provider)) {
                return;
            }
            try {
                if (model.getRouteTemplateDefinition(TOKEN_TEMPLATE) == null) {
                    load(context, "b2b-token-template.yaml");
                }
                String routeId = model.addRouteFromTemplate(B2bExchange.ROUTE_GROUP + "-" + provider,
                        TOKEN_TEMPLATE, Map.of("provider", provider));
                start(model, routeId);
            } catch (Exception e) {
                throw new IllegalStateException("cannot add the token route of provider '" + provider + "'", e);
            }
        }
    }

    private static void addCallRoute(CamelContext context) {
        ModelCamelContext model = (ModelCamelContext) context;
        synchronized (context) {
            for (RouteDefinition route : model.getRouteDefinitions()) {
                if (CALL_ROUTE.equals(route.getRouteId()) || (route.getInput() != null
                        && route.getInput().getEndpointUri().replace("direct://", "direct:").equals(CALL_ENDPOINT))) {
                    return;
                }
            }
            try {
                load(context, "b2b-payment-call.yaml");
                start(model, CALL_ROUTE);
            } catch (Exception e) {
                throw new IllegalStateException("cannot add the route " + CALL_ENDPOINT, e);
            }
        }
    }

    private static void load(CamelContext context, String file) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context, LOCATION + file));
    }

    /** Routes added while the context initialises must be set up to start with the others. */
    private static void start(ModelCamelContext model, String routeId) throws Exception {
        ServiceStatus status = model.getRouteController().getRouteStatus(routeId);
        if (status == null || !status.isStarted()) {
            model.startRouteDefinitions(List.of(model.getRouteDefinition(routeId)));
        }
    }
}
