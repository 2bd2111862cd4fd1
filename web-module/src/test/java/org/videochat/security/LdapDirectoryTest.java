package org.videochat.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The LDAP sign-in against a real LDAP server (UnboundID's, in memory, on a free port). */
class LdapDirectoryTest {

    private static InMemoryDirectoryServer server;
    private static LdapDirectory directory;

    @BeforeAll
    static void startDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.addAdditionalBindCredentials("cn=videochat,dc=example,dc=com", "service-secret");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        server = new InMemoryDirectoryServer(config);
        server.add("dn: dc=example,dc=com", "objectClass: top", "objectClass: domain", "dc: example");
        server.add("dn: ou=people,dc=example,dc=com", "objectClass: organizationalUnit", "ou: people");
        server.add("dn: ou=groups,dc=example,dc=com", "objectClass: organizationalUnit", "ou: groups");
        person("jkim", "Jiwoo Kim", "jiwoo-pass");
        person("mlee", "Minho Lee", "minho-pass");
        person("dup", "First Dup", "x");
        server.add("dn: uid=dup,ou=groups,dc=example,dc=com", "objectClass: top", "objectClass: account", "uid: dup");
        server.add(
                "dn: cn=videochat-admins,ou=groups,dc=example,dc=com",
                "objectClass: groupOfNames",
                "cn: videochat-admins",
                "member: uid=jkim,ou=people,dc=example,dc=com");
        server.add(
                "dn: cn=engineering,ou=groups,dc=example,dc=com",
                "objectClass: groupOfNames",
                "cn: engineering",
                "member: uid=jkim,ou=people,dc=example,dc=com",
                "member: uid=mlee,ou=people,dc=example,dc=com");
        server.startListening();
        directory = new LdapDirectory(new LdapDirectory.Settings(
                "ldap://localhost:" + server.getListenPort(),
                "cn=videochat,dc=example,dc=com",
                "service-secret",
                "ou=people,dc=example,dc=com",
                "(uid={0})",
                "cn",
                "ou=groups,dc=example,dc=com",
                "(member={0})",
                "cn",
                LdapDirectory.Settings.roles("videochat-admins=admin, engineering=user")));
    }

    private static void person(String uid, String name, String password) throws Exception {
        server.add(
                "dn: uid=" + uid + ",ou=people,dc=example,dc=com",
                "objectClass: inetOrgPerson",
                "uid: " + uid,
                "cn: " + name,
                "sn: " + name.split(" ")[1],
                "userPassword: " + password);
    }

    @AfterAll
    static void stopDirectory() {
        server.shutDown(true);
    }

    @Test
    void aPersonInAnAdminGroupSignsInAsAdmin() throws Exception {
        LdapDirectory.Person jiwoo =
                directory.authenticate("jkim", "jiwoo-pass".toCharArray()).orElseThrow();
        assertEquals("jkim", jiwoo.username());
        assertEquals("Jiwoo Kim", jiwoo.displayName());
        assertEquals(Set.of("user", "admin"), jiwoo.roles());
    }

    @Test
    void everyoneElseIsAUser() throws Exception {
        assertEquals(
                Set.of("user"),
                directory
                        .authenticate("mlee", "minho-pass".toCharArray())
                        .orElseThrow()
                        .roles());
    }

    @Test
    void wrongPasswordsUnknownNamesAndEmptyPasswordsAreRefused() throws Exception {
        assertEquals(Optional.empty(), directory.authenticate("jkim", "minho-pass".toCharArray()));
        assertEquals(Optional.empty(), directory.authenticate("nobody", "x".toCharArray()));
        assertEquals(Optional.empty(), directory.authenticate("jkim", new char[0]), "no anonymous bind");
    }

    @Test
    void aFilterInjectionFindsNobody() throws Exception {
        assertTrue(directory.authenticate("*", "jiwoo-pass".toCharArray()).isEmpty());
        assertTrue(directory
                .authenticate("jkim)(uid=*", "jiwoo-pass".toCharArray())
                .isEmpty());
    }
}
