package org.camelb2b.token.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.apache.camel.Exchange;
import org.camelb2b.token.sandbox.SandboxProvider;
import org.camelb2b.token.testing.FaultyProvider;
import org.camelb2b.token.testing.RecordingProvider;
import org.camelb2b.token.testing.SandboxSetup;
import org.camelb2b.token.testing.TestApp;
import org.junit.jupiter.api.Test;

/**
 * The caller's headers and the call's own are kept apart: a correlation id survives the call, no
 * caller header is sent to the provider, and the request's Authorization never comes back.
 */
class CallerHeadersTest {

    interface AppAndProvider {
        void run(TestApp app, RecordingProvider doku) throws Exception;
    }

    /** The standalone app with DOKU pointed at a recording provider (Klikoo at the sandbox). */
    static void withRecordingDoku(AppAndProvider test) throws Exception {
        try (SandboxProvider sandbox = SandboxSetup.start();
             RecordingProvider doku = new RecordingProvider(SandboxSetup.DOKU_SECRET)) {
            Map<String, String> p = SandboxSetup.settings(sandbox);
            p.put("b2b.doku.base-url", doku.baseUrl());
            try (TestApp app = TestApp.start(p)) {
                test.run(app, doku);
            }
        }
    }

    static Exchange call(TestApp app, String path) {
        return app.template().send("direct:b2b-call", e -> {
            e.getMessage().setHeader(PaymentHeaders.PROVIDER, "doku");
            e.getMessage().setHeader(PaymentHeaders.PATH, path);
            e.getMessage().setHeader("X-Correlation-Id", "corr-42");
            e.getMessage().setHeader("Authorization", "Basic the-callers-own");
            e.getMessage().setBody("{\"partnerReferenceNo\":\"7\"}");
        });
    }

    @Test
    void theCallersHeadersComeBackWithTheAnswersAndAreNotSent() throws Exception {
        withRecordingDoku((app, doku) -> {
            Exchange result = call(app, "/orders/v1.0/transfer-va/status");
            assertNull(result.getException());
            assertEquals("corr-42", result.getMessage().getHeader("X-Correlation-Id"));
            assertEquals("Basic the-callers-own", result.getMessage().getHeader("Authorization"));
            assertEquals("/orders/v1.0/transfer-va/status", result.getMessage().getHeader(PaymentHeaders.PATH));
            assertEquals(Boolean.TRUE, result.getMessage().getHeader(PaymentHeaders.RESPONSE_SUCCESS));

            RecordingProvider.Received sent = doku.received().get(0);
            assertTrue(sent.signatureValid());
            assertNull(sent.header("X-Correlation-Id"), "a caller header was sent to the provider");
            assertEquals("Bearer " + RecordingProvider.TOKEN, sent.header("Authorization"));
        });
    }

    @Test
    void aFailedCallGivesBackTheCallersHeadersAloneNeverTheRequestsAuthorization() throws Exception {
        try (SandboxProvider sandbox = SandboxSetup.start(); FaultyProvider doku = new FaultyProvider(1)) {
            Map<String, String> p = SandboxSetup.settings(sandbox);
            p.put("b2b.doku.base-url", doku.baseUrl());
            try (TestApp app = TestApp.start(p)) {
                Exchange result = call(app, "/busy");
                assertInstanceOf(PaymentCallException.class, result.getException());
                assertEquals("corr-42", result.getMessage().getHeader("X-Correlation-Id"));
                assertEquals("Basic the-callers-own", result.getMessage().getHeader("Authorization"));
                assertNull(result.getMessage().getHeader("X-SIGNATURE"));

                Exchange dropped = call(app, "/drop");
                assertInstanceOf(PaymentCallException.class, dropped.getException());
                assertEquals("Basic the-callers-own", dropped.getMessage().getHeader("Authorization"));
                assertNull(dropped.getMessage().getHeader("X-SIGNATURE"));
            }
        }
    }

    /** A route may call direct:b2b-call twice on one exchange: two calls, not the first one again. */
    @Test
    void twoCallsOnOneExchangeAreTwoSignedCalls() throws Exception {
        withRecordingDoku((app, doku) -> {
            Exchange exchange = call(app, "/first");
            assertNull(exchange.getException());
            exchange.getMessage().setHeader(PaymentHeaders.PATH, "/second");
            exchange.getMessage().setBody("{\"partnerReferenceNo\":\"8\"}");
            app.template().send("direct:b2b-call", exchange);
            assertNull(exchange.getException());
            assertEquals(1, exchange.getMessage().getHeader(PaymentHeaders.ATTEMPTS));

            assertEquals(2, doku.received().size());
            RecordingProvider.Received first = doku.received().get(0);
            RecordingProvider.Received second = doku.received().get(1);
            assertEquals("/first", first.target());
            assertEquals("/second", second.target(), "the second call sent the first one's request again");
            assertEquals("{\"partnerReferenceNo\":\"8\"}", new String(second.body(), java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(second.signatureValid());
            assertTrue(!first.header("X-EXTERNAL-ID").equals(second.header("X-EXTERNAL-ID")),
                    "two payments must not share an X-EXTERNAL-ID");
        });
    }

    /** An exception the caller's route caught earlier is not this call's failure: the answer's headers come back. */
    @Test
    void anExceptionCaughtBeforeTheCallDoesNotHideTheAnswer() throws Exception {
        withRecordingDoku((app, doku) -> {
            Exchange result = app.template().send("direct:b2b-call", e -> {
                e.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("handled by the caller's route"));
                e.getMessage().setHeader(PaymentHeaders.PROVIDER, "doku");
                e.getMessage().setHeader(PaymentHeaders.PATH, "/status");
                e.getMessage().setHeader("X-Correlation-Id", "corr-43");
                e.getMessage().setBody("{\"partnerReferenceNo\":\"9\"}");
        });
        assertNull(result.getException());
        assertEquals("corr-43", result.getMessage().getHeader("X-Correlation-Id"));
        assertEquals(Boolean.TRUE, result.getMessage().getHeader(PaymentHeaders.RESPONSE_SUCCESS));
        });
    }
}
