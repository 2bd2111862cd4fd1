package org.videochat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.videochat.it.support.Api;
import org.videochat.it.support.Browser;
import org.videochat.it.support.Db;
import org.videochat.it.support.LdapServer;
import org.videochat.it.support.OnPayaraMicro;
import org.videochat.it.support.Waits;

/**
 * Signing in against a real OpenLDAP through the deployed application (identity stores
 * "ldap,database" and the videochat.ldap.* settings in the pom): the directory's password, its
 * groups as roles, a membership taken away and a person removed while signed in, and entries
 * videochat's own directory cannot hold as they are.
 */
class LdapSignInIT extends OnPayaraMicro {

    private static LdapServer ldap;

    @BeforeAll
    static void startDirectory() throws Exception {
        ldap = LdapServer.start(Integer.getInteger("it.ldap.port"));
    }

    @AfterAll
    static void stopDirectory() throws Exception {
        if (ldap != null) {
            ldap.close();
        }
    }

    @Test
    void aPersonOfTheDirectorySignsInWithTheDirectorysPasswordAndBecomesCallable() throws Exception {
        Browser browser = new Browser(uri());
        assertEquals(302, browser.signIn("hana.kim", "hana-pw").statusCode());
        JsonObject me = Api.parse(browser.get("api/me").body());
        assertEquals("hana.kim", me.getString("username"));
        assertEquals("Hana Kim", me.getString("displayName"));
        assertEquals(403, browser.get("api/admin/calls").statusCode(), "no admin group, no role admin");
        assertEquals("directory", Db.string("SELECT password_hash FROM app_user WHERE username = 'hana.kim'"));

        Browser wrong = new Browser(uri());
        assertTrue(wrong.signIn("hana.kim", "not-hana-pw").body().contains("Wrong username or password."));
        assertEquals(401, wrong.get("api/me").statusCode());
    }

    @Test
    void theAdminGroupGivesRoleAdminAndLosingItAppliesWithoutANewSignIn() throws Exception {
        Browser browser = new Browser(uri());
        assertEquals(302, browser.signIn("ivan.ops", "ivan-pw").statusCode());
        assertEquals(200, browser.get("api/admin/calls").statusCode());

        ldap.removeFromGroup("ivan.ops", "videochat-admins");
        Waits.until(
                "the session no longer has role admin",
                Duration.ofSeconds(30),
                () -> browser.get("api/admin/calls").statusCode() == 403);
        assertEquals(200, browser.get("api/me").statusCode(), "still signed in, as a user");
    }

    @Test
    void someoneRemovedFromTheDirectoryIsSignedOut() throws Exception {
        Browser browser = new Browser(uri());
        assertEquals(302, browser.signIn("jun.leaves", "jun-pw").statusCode());
        assertEquals(200, browser.get("api/admin/calls").statusCode());

        ldap.remove("jun.leaves");
        Waits.until(
                "the session ends",
                Duration.ofSeconds(30),
                () -> browser.get("api/me").statusCode() == 401);
        assertEquals(401, new Api(uri()).get("jun.leaves", "jun-pw", "api/me").status());
    }

    @Test
    void entriesVideochatCannotHoldAsTheyAreGetAClearAnswer() throws Exception {
        // A uid with a space is no videochat username: refused like a wrong password, never a 500.
        Browser spaced = new Browser(uri());
        assertTrue(spaced.signIn("Kai Space", "kai-pw").body().contains("Wrong username or password."));
        Api.Answer basic = new Api(uri()).get("Kai Space", "kai-pw", "api/me");
        assertEquals(401, basic.status(), basic.body());

        // A display name longer than the directory keeps is shortened, and the person signs in.
        Browser longName = new Browser(uri());
        assertEquals(302, longName.signIn("dana.long", "dana-pw").statusCode());
        String stored = Db.string("SELECT display_name FROM app_user WHERE username = 'dana.long'");
        assertTrue(stored.startsWith("Dana Longname") && stored.length() <= 128, stored);
    }
}
