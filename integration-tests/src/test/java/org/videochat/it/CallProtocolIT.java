package org.videochat.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videochat.it.support.Deployments;

import java.net.URI;
import java.net.URL;

/** {@link CallProtocolTests} on Payara Micro (Arquillian), the modules deployed as one WAR. */
@ExtendWith(ArquillianExtension.class)
class CallProtocolIT extends CallProtocolTests {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.videochat();
    }

    @ArquillianResource
    URL base;

    @Override
    protected URI uri() throws Exception {
        return base.toURI();
    }
}
