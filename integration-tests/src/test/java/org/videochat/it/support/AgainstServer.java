package org.videochat.it.support;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/**
 * Tests that talk to a deployed videochat over HTTP, against the real PostgreSQL, Artemis and
 * Debezium Server; a subclass says which server. Every test leaves no call open.
 */
public abstract class AgainstServer {

    /** How long a change may take through the CDC pipeline before a test gives up. */
    public static final Duration CDC = Duration.ofSeconds(15);

    /** The application's base URI, ending in "/". */
    public abstract URI uri() throws Exception;

    /** The application server the run command started: Payara Server, or WildFly (it.server.url). */
    public static URI runCommandServer() {
        return URI.create(System.getProperty("it.server.url"));
    }

    @AfterEach
    void endEveryCall() throws Exception {
        new Calls(uri()).endAll();
    }
}
