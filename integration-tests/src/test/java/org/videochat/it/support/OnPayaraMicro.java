package org.videochat.it.support;

import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests that deploy the application to a managed Payara Micro (Arquillian): the same modules as
 * the EAR, as one WAR, a second node beside the run command's server.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class OnPayaraMicro extends AgainstServer {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.videochat();
    }

    @ArquillianResource
    protected URL base;

    @Override
    public URI uri() throws Exception {
        return base.toURI();
    }
}
