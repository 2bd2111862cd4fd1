package org.videochat.security;

import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;

/**
 * Signs people in against a company LDAP directory: find the user's entry with the service
 * account, check the password by binding as the user, read their groups and map them to roles.
 * Plain JNDI, so it works with any LDAP v3 server (OpenLDAP, Active Directory, 389-ds ...).
 */
public final class LdapDirectory {

    /** Connection and schema settings; every one is a {@code videochat.ldap.*} key. */
    public record Settings(
            String url,
            String bindDn,
            String bindPassword,
            String userBase,
            String userFilter,
            String displayNameAttribute,
            String groupBase,
            String groupFilter,
            String groupNameAttribute,
            Map<String, String> groupRoles) {

        /** Parses "group=role,group2=role2". */
        public static Map<String, String> roles(String mapping) {
            Map<String, String> roles = new HashMap<>();
            if (mapping != null) {
                for (String pair : mapping.split(",")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        roles.put(
                                pair.substring(0, eq).strip().toLowerCase(),
                                pair.substring(eq + 1).strip());
                    }
                }
            }
            return roles;
        }
    }

    /** Someone the directory vouched for. */
    public record Person(String username, String displayName, Set<String> roles) {}

    private final Settings settings;

    public LdapDirectory(Settings settings) {
        this.settings = settings;
    }

    /** @return the person when the directory knows the name and the password is theirs */
    public Optional<Person> authenticate(String username, char[] password) throws NamingException {
        if (username == null || username.isBlank() || password.length == 0) {
            return Optional.empty(); // an empty password would be an anonymous bind: never a sign-in
        }
        DirContext service = connect(settings.bindDn(), settings.bindPassword());
        try {
            Optional<SearchResult> found = findUnique(service, username);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            SearchResult entry = found.get();
            String dn = entry.getNameInNamespace();
            try {
                connect(dn, new String(password)).close();
            } catch (javax.naming.AuthenticationException wrongPassword) {
                return Optional.empty();
            }
            Attribute name = entry.getAttributes().get(settings.displayNameAttribute());
            String displayName = name == null ? username : name.get().toString();
            return Optional.of(new Person(username.toLowerCase(), displayName, roles(service, dn)));
        } finally {
            service.close();
        }
    }

    /**
     * The person's roles as the directory says now, asked with the service account (no password of
     * theirs needed): a membership taken away applies to a session that is already signed in.
     *
     * @return empty when the directory no longer knows the name (the person left)
     */
    public Optional<Set<String>> currentRoles(String username) throws NamingException {
        DirContext service = connect(settings.bindDn(), settings.bindPassword());
        try {
            Optional<SearchResult> entry = findUnique(service, username);
            return entry.isEmpty()
                    ? Optional.empty()
                    : Optional.of(roles(service, entry.get().getNameInNamespace()));
        } finally {
            service.close();
        }
    }

    private Optional<SearchResult> findUnique(DirContext service, String username) throws NamingException {
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        controls.setReturningAttributes(new String[] {settings.displayNameAttribute()});
        controls.setCountLimit(2);
        // JNDI escapes the filter argument: no LDAP injection through the username.
        NamingEnumeration<SearchResult> found =
                service.search(settings.userBase(), settings.userFilter(), new Object[] {username}, controls);
        if (!found.hasMore()) {
            return Optional.empty();
        }
        SearchResult entry = found.next();
        return found.hasMore() ? Optional.empty() : Optional.of(entry); // an ambiguous name is nobody
    }

    private Set<String> roles(DirContext service, String userDn) throws NamingException {
        Set<String> roles = new LinkedHashSet<>();
        roles.add("user");
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        controls.setReturningAttributes(new String[] {settings.groupNameAttribute()});
        NamingEnumeration<SearchResult> groups =
                service.search(settings.groupBase(), settings.groupFilter(), new Object[] {userDn}, controls);
        while (groups.hasMore()) {
            Attribute cn = groups.next().getAttributes().get(settings.groupNameAttribute());
            if (cn != null) {
                String role = settings.groupRoles().get(cn.get().toString().toLowerCase());
                if (role != null) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private DirContext connect(String dn, String password) throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, settings.url());
        env.put("com.sun.jndi.ldap.connect.timeout", "5000");
        env.put("com.sun.jndi.ldap.read.timeout", "10000");
        if (dn != null && !dn.isEmpty()) {
            env.put(Context.SECURITY_AUTHENTICATION, "simple");
            env.put(Context.SECURITY_PRINCIPAL, dn);
            env.put(Context.SECURITY_CREDENTIALS, password == null ? "" : password);
        }
        return new InitialDirContext(env);
    }
}
