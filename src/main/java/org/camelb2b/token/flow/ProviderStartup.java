package org.camelb2b.token.flow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.health.HealthCheckRegistry;
import org.camelb2b.token.health.ProviderReadinessCheck;
import org.camelb2b.token.provider.ConfigurationException;
import org.camelb2b.token.signature.JacksonRequirement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every provider of a CamelContext before its routes start, whoever declared it (a
 * {@code b2b-token} templated route, a hand-written token route, a kamelet): all problems of all
 * providers are reported at once and startup fails. Each provider also gets its readiness check
 * when the context has a health-check registry. Providers declared after startup (a route added
 * at runtime) are checked as they are declared.
 */
final class ProviderStartup implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderStartup.class);

    private ProviderStartup() {
    }

    static void install(CamelContext context) {
        try {
            context.addStartupListener(new ProviderStartup());
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the B2B provider checks", e);
        }
    }

    @Override
    public void onCamelContextStarting(CamelContext context, boolean alreadyStarted) {
        ProviderDeclarations declarations = ProviderDeclarations.of(context);
        Set<String> ids = new LinkedHashSet<>(DeclaredProviders.of(context));
        ids.addAll(declarations.ids());
        List<String> problems = new ArrayList<>();
        try {
            check(context, ids);
        } catch (ConfigurationException e) {
            problems.addAll(e.problems());
        }
        declarations.startupChecks().forEach(other -> problems.addAll(other.apply(context)));
        problems.addAll(JacksonRequirement.problems());
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        declarations.markChecked();
        // Camel's tracer prints headers and bodies at INFO: never our tokens and signatures
        TraceMasking.install(context);
        LOG.info("B2B providers configured: {}", ids);
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // nothing: the checks ran before the routes started
    }

    /** Loads and checks {@code ids} (all problems at once) and registers their readiness checks. */
    static void check(CamelContext context, Set<String> ids) {
        B2bRuntime runtime = B2bRuntime.of(context);
        runtime.providers().registerAll(ids);
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        if (health == null) {
            return;
        }
        for (String id : ids) {
            if (health.getCheck(ProviderReadinessCheck.idOf(id)).isEmpty()) {
                health.register(runtime.readinessCheck(id));
            }
        }
    }
}
