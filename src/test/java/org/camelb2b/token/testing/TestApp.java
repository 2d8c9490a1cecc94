package org.camelb2b.token.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.camelb2b.token.main.B2bTokenApplication;

/**
 * The standalone application as {@code java -jar} starts it (the repository's config/ and
 * routes/), with test overrides on top, as -D properties would give them.
 */
public final class TestApp implements AutoCloseable {

    private final Main main;
    private final ProducerTemplate template;

    private TestApp(Main main) {
        this.main = main;
        this.template = main.getCamelContext().createProducerTemplate();
    }

    /** Starts the app; throws what startup throws (e.g. a ConfigurationException). */
    public static TestApp start(Map<String, String> overrides) throws Exception {
        Main main = B2bTokenApplication.createMain(Path.of(""));
        Properties props = new Properties();
        props.put("b2b.warmup.enabled", "false");
        props.put("b2b.sandbox.enabled", "false");
        props.put("b2b.gateway.enabled", "false");
        props.put("b2b.inbound.enabled", "false");
        props.put("b2b.sandbox.demo", "false");
        props.put("camel.management.enabled", "false");
        props.putAll(overrides);
        main.setOverrideProperties(props);
        try {
            main.start();
        } catch (Exception e) {
            main.stop();
            throw e;
        }
        return new TestApp(main);
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public ProducerTemplate template() {
        return template;
    }

    @Override
    public void close() throws Exception {
        template.close();
        main.stop();
    }
}
