package org.videochat.it.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.ZipFile;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The application as Payara Micro runs it: the web module's WAR with the EJB module and the
 * EAR's libraries in WEB-INF/lib. Same classes and descriptors as videochat.ear, except that EJBs
 * packaged in a WAR take their server descriptor from WEB-INF: the EJB module's Payara bindings
 * (glassfish-ejb-jar.xml) are merged into the web module's.
 */
public final class Deployments {

    private Deployments() {}

    public static WebArchive videochat() {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.app.war")));
        File ejbJar = new File(System.getProperty("it.ejb.jar"));
        war.addAsLibrary(ejbJar);
        mergeEjbBindings(war, ejbJar);
        for (File lib : Objects.requireNonNull(new File(System.getProperty("it.app.libs")).listFiles())) {
            war.addAsLibrary(lib);
        }
        return war;
    }

    private static void mergeEjbBindings(WebArchive war, File ejbJar) {
        String descriptor = "WEB-INF/glassfish-ejb-jar.xml";
        String web = read(war.get(descriptor).getAsset().openStream());
        String ejb;
        try (ZipFile jar = new ZipFile(ejbJar)) {
            ejb = read(jar.getInputStream(jar.getEntry("META-INF/glassfish-ejb-jar.xml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String beans = ejb.substring(
                ejb.indexOf("<enterprise-beans>") + "<enterprise-beans>".length(), ejb.indexOf("</enterprise-beans>"));
        war.delete(descriptor);
        war.addAsWebInfResource(
                new StringAsset(web.replace("</enterprise-beans>", beans + "</enterprise-beans>")),
                "glassfish-ejb-jar.xml");
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
