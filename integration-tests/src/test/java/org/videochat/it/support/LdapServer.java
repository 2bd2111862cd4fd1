package org.videochat.it.support;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.ModificationItem;

/**
 * A real OpenLDAP (Debian's slapd) on loopback, loaded from {@code ldap/directory.ldif} with the
 * company's people, groups and videochat's service account. Everything it writes stays under
 * target/. The tests change the directory through {@link #removeFromGroup} and {@link #remove},
 * signed in as the directory's manager.
 */
public final class LdapServer implements AutoCloseable {

    public static final String SUFFIX = "dc=corp,dc=example";
    private static final String MANAGER = "cn=manager," + SUFFIX;
    private static final String MANAGER_PASSWORD = "manager-secret";

    private final Process process;
    private final String url;

    private LdapServer(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    public static LdapServer start(int port) throws Exception {
        Path dir = Path.of(System.getProperty("it.home"), "slapd");
        Path data = dir.resolve("data");
        deleteTree(dir);
        Files.createDirectories(data);
        Path config = dir.resolve("slapd.conf");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "include /etc/ldap/schema/core.schema",
                        "include /etc/ldap/schema/cosine.schema",
                        "include /etc/ldap/schema/inetorgperson.schema",
                        "modulepath /usr/lib/ldap",
                        "moduleload back_mdb",
                        "pidfile " + dir.resolve("slapd.pid"),
                        "database mdb",
                        "maxsize 104857600",
                        "suffix \"" + SUFFIX + "\"",
                        "rootdn \"" + MANAGER + "\"",
                        "rootpw " + MANAGER_PASSWORD,
                        "directory " + data,
                        ""));
        Path ldif = dir.resolve("directory.ldif");
        try (var in = LdapServer.class.getResourceAsStream("/ldap/directory.ldif")) {
            Files.write(ldif, in.readAllBytes());
        }
        run(dir, "/usr/sbin/slapadd", "-f", config.toString(), "-l", ldif.toString());
        String url = "ldap://127.0.0.1:" + port;
        Process process = new ProcessBuilder(List.of("/usr/sbin/slapd", "-d", "0", "-f", config.toString(), "-h", url))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("slapd.log").toFile())
                .start();
        LdapServer server = new LdapServer(process, url);
        Waits.until("slapd listening on " + port, Duration.ofSeconds(15), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("slapd exited; see " + dir.resolve("slapd.log"));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            }
        });
        return server;
    }

    /** Takes {@code uid} out of the group {@code cn}. */
    public void removeFromGroup(String uid, String group) throws NamingException {
        DirContext manager = manager();
        try {
            manager.modifyAttributes("cn=" + group + ",ou=groups," + SUFFIX, new ModificationItem[] {
                new ModificationItem(DirContext.REMOVE_ATTRIBUTE, new BasicAttribute("member", personDn(uid)))
            });
        } finally {
            manager.close();
        }
    }

    /** The person leaves the company: their entry is deleted. */
    public void remove(String uid) throws NamingException {
        DirContext manager = manager();
        try {
            manager.destroySubcontext(personDn(uid));
        } finally {
            manager.close();
        }
    }

    public static String personDn(String uid) {
        return "uid=" + uid + ",ou=people," + SUFFIX;
    }

    private DirContext manager() throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, url);
        env.put(Context.SECURITY_AUTHENTICATION, "simple");
        env.put(Context.SECURITY_PRINCIPAL, MANAGER);
        env.put(Context.SECURITY_CREDENTIALS, MANAGER_PASSWORD);
        return new InitialDirContext(env);
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        dir.resolve(Path.of(command[0]).getFileName() + ".log").toFile())
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + dir);
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
