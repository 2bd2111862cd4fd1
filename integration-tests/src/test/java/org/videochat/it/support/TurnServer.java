package org.videochat.it.support;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real coturn relay on loopback, checking the TURN REST API credentials that videochat mints
 * (use-auth-secret). Everything it writes stays under target/.
 */
public final class TurnServer implements AutoCloseable {

    private final Process process;

    private TurnServer(Process process) {
        this.process = process;
    }

    public static TurnServer start(int port, String secret) throws Exception {
        Path dir = Path.of(System.getProperty("it.home"), "coturn");
        Files.createDirectories(dir);
        Process process = new ProcessBuilder(List.of(
                        "turnserver",
                        "-n",
                        "--listening-ip=127.0.0.1",
                        "--relay-ip=127.0.0.1",
                        "--listening-port=" + port,
                        "--min-port=49160",
                        "--max-port=49260",
                        "--use-auth-secret",
                        "--static-auth-secret=" + secret,
                        "--realm=videochat",
                        "--no-tls",
                        "--no-dtls",
                        "--no-cli",
                        "--fingerprint",
                        "--allow-loopback-peers",
                        "--pidfile=" + dir.resolve("turnserver.pid"),
                        "--userdb=" + dir.resolve("turndb"),
                        "--log-file=" + dir.resolve("turnserver.log"),
                        "--simple-log"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        TurnServer server = new TurnServer(process);
        Waits.until("coturn listening on " + port, Duration.ofSeconds(15), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("turnserver exited; see " + dir);
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            }
        });
        return server;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
