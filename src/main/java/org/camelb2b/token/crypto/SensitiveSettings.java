package org.camelb2b.token.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.spi.ContextServicePlugin;

/**
 * Makes every CamelContext of an application with the library on its classpath treat the
 * library's secret settings as sensitive. Camel masks a property by the last part of its name when
 * it knows that part as a secret ({@code SensitiveUtils}: {@code client-secret},
 * {@code private-key}, ...), in camel-main's start-up summary of resolved properties (on by
 * default, at INFO), in endpoint URIs and in the log mask; it does not know
 * {@code private-key-passphrase}, so {@code b2b.<p>.private-key-passphrase} was printed in clear.
 * This adds it to the context's additional sensitive keywords (what
 * {@code camel.main.additional-sensitive-keywords} sets), keeping the application's own.
 *
 * <p>A {@link ContextServicePlugin}, found by Camel with the {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.apache.camel.spi.ContextServicePlugin}) as each context is built.
 * camel-main applies {@code camel.main.additional-sensitive-keywords} later, replacing the list,
 * so the keywords are added again when the context starts, before the summary is printed.
 */
public final class SensitiveSettings implements ContextServicePlugin {

    /** Setting names (their last part, as Camel compares them) that hold secrets Camel does not know. */
    static final List<String> KEYWORDS = List.of("private-key-passphrase");

    @Override
    public void load(CamelContext context) {
        addTo(context);
        try {
            context.addStartupListener(new StartupListener() {
                @Override
                public void onCamelContextStarting(CamelContext starting, boolean alreadyStarted) {
                    addTo(starting);
                }

                @Override
                public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                    // nothing: added before the routes start
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the sensitive settings of camel-b2b-token", e);
        }
    }

    /** Adds the keywords the context's additional sensitive keywords lack. */
    static void addTo(CamelContext context) {
        ExtendedCamelContext extension = context.getCamelContextExtension();
        String current = extension.getAdditionalSensitiveKeywords();
        List<String> words = new ArrayList<>();
        if (current != null && !current.isBlank()) {
            words.add(current);
        }
        // Camel compares the last part of a name lower-cased, without '-'
        String known = current == null ? "" : current.toLowerCase(Locale.ENGLISH).replace("-", "");
        for (String keyword : KEYWORDS) {
            String normalised = keyword.toLowerCase(Locale.ENGLISH).replace("-", "");
            if (!known.contains(normalised)) {
                words.add(normalised);
            }
        }
        String updated = String.join(",", words);
        if (!updated.equals(current == null ? "" : current)) {
            extension.setAdditionalSensitiveKeywords(updated);
        }
    }
}
