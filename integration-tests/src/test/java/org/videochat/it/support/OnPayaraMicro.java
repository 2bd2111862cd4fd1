package org.videochat.it.support;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.time.Duration;

/**
 * Tests that deploy the application to a managed Payara Micro (Arquillian) and talk to it over
 * HTTP, against the real PostgreSQL, Artemis and Debezium Server. Every test leaves no call open.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class OnPayaraMicro {

    /** How long a change may take through the CDC pipeline before a test gives up. */
    protected static final Duration CDC = Duration.ofSeconds(15);

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.videochat();
    }

    @ArquillianResource
    protected URL base;

    protected URI uri() throws Exception {
        return base.toURI();
    }

    @AfterEach
    void endEveryCall() throws Exception {
        new Calls(uri()).endAll();
    }
}
