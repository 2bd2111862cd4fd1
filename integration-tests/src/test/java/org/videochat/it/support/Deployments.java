package org.videochat.it.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.util.Objects;

/**
 * The application as Payara Micro runs it: the web module's WAR with the EJB module and the
 * EAR's libraries in WEB-INF/lib. Same classes and descriptors as videochat.ear.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive videochat() {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.app.war")));
        war.addAsLibrary(new File(System.getProperty("it.ejb.jar")));
        for (File lib : Objects.requireNonNull(new File(System.getProperty("it.app.libs")).listFiles())) {
            war.addAsLibrary(lib);
        }
        return war;
    }
}
