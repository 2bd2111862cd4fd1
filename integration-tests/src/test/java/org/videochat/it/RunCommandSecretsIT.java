package org.videochat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.videochat.it.support.Api;
import org.videochat.it.support.Db;
import org.videochat.it.support.OnRunCommandServer;
import org.videochat.it.support.Secrets;

/**
 * What the run command keeps secret on the machine it runs on: generated passwords in a file only
 * its owner reads, database roles that are not the superuser, a Payara admin that wants a
 * password, and no password on any process's command line.
 */
class RunCommandSecretsIT extends OnRunCommandServer {

    private static final List<String> SECRET_KEYS = List.of(
            "VIDEOCHAT_DB_PASSWORD",
            "VIDEOCHAT_DB_CDC_PASSWORD",
            "VIDEOCHAT_DB_ADMIN_PASSWORD",
            "VIDEOCHAT_ARTEMIS_PASSWORD",
            "VIDEOCHAT_PAYARA_ADMIN_PASSWORD");

    @Test
    void passwordsAreGeneratedAndReadableByTheirOwnerOnly() throws Exception {
        assertEquals(
                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(Secrets.file()));
        for (String key : SECRET_KEYS) {
            String value = Secrets.get(key);
            assertTrue(value.length() >= 20, key + " is a generated password");
            assertFalse(value.equals("videochat"), key + " is not the old default");
        }
        Path run = Path.of(System.getProperty("it.home"), "run");
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : files.filter(f ->
                            f.toString().endsWith(".asadmin") || f.toString().endsWith(".password"))
                    .toList()) {
                assertFalse(
                        Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ)
                                || Files.getPosixFilePermissions(file).contains(PosixFilePermission.GROUP_READ),
                        file + " holds passwords and is readable by its owner only");
            }
        }
    }

    @Test
    void noProcessHasAPasswordOnItsCommandLine() {
        List<String> secrets = SECRET_KEYS.stream().map(Secrets::get).toList();
        List<String> leaks = new ArrayList<>();
        ProcessHandle.allProcesses()
                .forEach(p -> p.info().commandLine().ifPresent(line -> {
                    if (secrets.stream().anyMatch(line::contains)) {
                        leaks.add(p.pid() + ": " + line.substring(0, Math.min(120, line.length())));
                    }
                }));
        assertEquals(List.of(), leaks);
    }

    @Test
    void theDatabaseRolesAreNotTheSuperuser() throws Exception {
        assertEquals("videochat", Db.string("SELECT current_user"));
        assertEquals("false", Db.string("SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"));
        assertEquals(
                "false true",
                Db.string(
                        "SELECT rolsuper::text || ' ' || rolreplication::text FROM pg_roles WHERE rolname = 'videochat_cdc'"));
        // Change capture reads the captured tables and nothing else of the schema.
        assertEquals("true", Db.string("SELECT has_table_privilege('videochat_cdc', 'call_signal', 'SELECT')::text"));
        assertEquals("false", Db.string("SELECT has_table_privilege('videochat_cdc', 'app_user', 'SELECT')::text"));
        assertEquals("false", Db.string("SELECT has_table_privilege('videochat_cdc', 'call', 'UPDATE')::text"));
        // And it is what Debezium Server streams with.
        assertEquals(
                "videochat_cdc",
                Db.string("SELECT usename FROM pg_stat_replication WHERE application_name LIKE 'Debezium%' LIMIT 1"));
    }

    @Test
    void payarasAdminWantsThePassword() throws Exception {
        URI admin = URI.create("http://127.0.0.1:" + (uri().getPort() - 32) + "/management/domain/applications");
        HttpClient client = HttpClient.newHttpClient();
        assertEquals(401, adminStatus(client, admin, null));
        assertEquals(401, adminStatus(client, admin, Api.basic("admin", "")));
        assertEquals(
                200, adminStatus(client, admin, Api.basic("admin", Secrets.get("VIDEOCHAT_PAYARA_ADMIN_PASSWORD"))));
    }

    private static int adminStatus(HttpClient client, URI admin, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(admin).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
