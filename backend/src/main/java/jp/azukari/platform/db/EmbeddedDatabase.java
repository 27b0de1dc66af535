package jp.azukari.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one embedded PostgreSQL of this JVM (see {@link EmbeddedServer}): a real PostgreSQL 16 from
 * the zonky binaries, its data kept in a folder of ours, reachable with generated passwords only.
 */
public final class EmbeddedDatabase {

    static final String HOST = "127.0.0.1";
    static final String DATABASE = "azukari";
    static final String OWNER = "azukari_owner";
    static final String APP = "azukari_app";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static EmbeddedServer running;

    private EmbeddedDatabase() {}

    public static synchronized DatabaseCoordinates start(Path dataDir, int port) {
        return start(dataDir, port, Map.of());
    }

    /**
     * As {@link #start(Path, int)}, with more server settings (a benchmark loads pg_stat_statements
     * this way).
     */
    public static synchronized DatabaseCoordinates start(
            Path dataDir, int port, Map<String, String> serverConfig) {
        if (running == null) {
            try {
                running = EmbeddedServer.start(dataDir, port, serverConfig);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Could not start the embedded PostgreSQL in " + dataDir.toAbsolutePath(),
                        e);
            }
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-postgres-stop"));
        }
        return running.coordinates();
    }

    /**
     * The credentials file of the running server, read again from its folder (the application
     * itself keeps no superuser password): for tests and benchmarks that act behind its back.
     */
    public static synchronized EmbeddedCredentials credentials() {
        if (running == null) {
            throw new IllegalStateException("no embedded PostgreSQL is running");
        }
        return EmbeddedCredentials.read(running.dataDir())
                .orElseThrow(() -> new IllegalStateException("no credentials file"));
    }

    static synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
            running = null;
        }
    }
}
