package jp.azukari.platform.db;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generated passwords of the embedded PostgreSQL's three roles, kept in one file in its data
 * folder that only the folder's owner may read. {@code ready} says the roles and the database have
 * been set up with them; until then a start sets them up (again) as the superuser.
 */
public record EmbeddedCredentials(
        String superuser,
        String superuserPassword,
        String owner,
        String ownerPassword,
        String app,
        String appPassword,
        boolean ready,
        int port) {

    /** The file's name inside the data folder. */
    public static final String FILE_NAME = "azukari-credentials.properties";

    static final Set<PosixFilePermission> OWNER_ONLY_FILE =
            PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_FOLDER =
            PosixFilePermissions.fromString("rwx------");

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCredentials.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String toString() {
        // never the passwords, whoever logs this
        return "EmbeddedCredentials[" + superuser + ", " + owner + ", " + app + "]";
    }

    static EmbeddedCredentials generate() {
        return new EmbeddedCredentials(
                "postgres",
                password(),
                EmbeddedDatabase.OWNER,
                password(),
                EmbeddedDatabase.APP,
                password(),
                false,
                0);
    }

    EmbeddedCredentials asReady() {
        return new EmbeddedCredentials(
                superuser, superuserPassword, owner, ownerPassword, app, appPassword, true, port);
    }

    EmbeddedCredentials onPort(int newPort) {
        return new EmbeddedCredentials(
                superuser,
                superuserPassword,
                owner,
                ownerPassword,
                app,
                appPassword,
                ready,
                newPort);
    }

    public static Path file(Path dataDir) {
        return dataDir.toAbsolutePath().resolve(FILE_NAME);
    }

    /** The credentials kept in {@code dataDir}, if a start has generated them. */
    public static Optional<EmbeddedCredentials> read(Path dataDir) {
        Path file = file(dataDir);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        tighten(file, OWNER_ONLY_FILE);
        var p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return Optional.of(
                new EmbeddedCredentials(
                        required(p, "superuser", file),
                        required(p, "superuser.password", file),
                        required(p, "owner", file),
                        required(p, "owner.password", file),
                        required(p, "app", file),
                        required(p, "app.password", file),
                        Boolean.parseBoolean(p.getProperty("ready", "false")),
                        Integer.parseInt(p.getProperty("port", "0"))));
    }

    /** Replaces the file in one step; it is never readable by anyone but its owner. */
    void write(Path dataDir) {
        Path file = file(dataDir);
        String text =
                """
                # Azukari's embedded PostgreSQL: generated passwords of its roles. Keep this file private.
                # The application connects as 'app' and migrates as 'owner'; 'superuser' is for the operator only.
                # psql: PGPASSWORD=<owner.password> psql -h %s -p %d -U %s %s
                host=%s
                port=%d
                database=%s
                superuser=%s
                superuser.password=%s
                owner=%s
                owner.password=%s
                app=%s
                app.password=%s
                ready=%s
                """
                        .formatted(
                                EmbeddedDatabase.HOST,
                                port,
                                owner,
                                EmbeddedDatabase.DATABASE,
                                EmbeddedDatabase.HOST,
                                port,
                                EmbeddedDatabase.DATABASE,
                                superuser,
                                superuserPassword,
                                owner,
                                ownerPassword,
                                app,
                                appPassword,
                                ready);
        try {
            Path tmp =
                    posix()
                            ? Files.createTempFile(
                                    file.getParent(),
                                    ".credentials",
                                    ".tmp",
                                    PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                            : Files.createTempFile(file.getParent(), ".credentials", ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(
                        tmp,
                        file,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** Takes group and other permissions away from {@code path}, saying so when there were any. */
    static void tighten(Path path, Set<PosixFilePermission> wanted) {
        if (!posix()) {
            return;
        }
        try {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(path);
            if (!now.equals(wanted)) {
                if (now.stream().anyMatch(p -> !wanted.contains(p))) {
                    log.warn(
                            "{} was {}; now {}",
                            path,
                            PosixFilePermissions.toString(now),
                            PosixFilePermissions.toString(wanted));
                }
                Files.setPosixFilePermissions(path, wanted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restrict the permissions of " + path, e);
        }
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static String required(Properties p, String key, Path file) {
        String value = p.getProperty(key, "");
        if (value.isBlank()) {
            throw new IllegalStateException(file + " has no " + key);
        }
        return value;
    }

    /** 256 random bits, URL-safe Base64: no character that needs quoting in SQL or a shell. */
    private static String password() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
