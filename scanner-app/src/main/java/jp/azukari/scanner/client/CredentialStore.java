package jp.azukari.scanner.client;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the session in {@code credentials.json}. The file is created owner-only (rw-------) before
 * a byte is written and replaced atomically, so a token is never readable by others, not even for a
 * moment, and never half-written.
 */
public final class CredentialStore {

    static final String FILE = "credentials.json";
    private static final Set<PosixFilePermission> OWNER_FILE =
            PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER =
            PosixFilePermissions.fromString("rwx------");

    private final Path folder;
    private final JsonMapper json;

    public CredentialStore(Path folder, JsonMapper json) {
        this.folder = folder;
        this.json = json;
    }

    public Path file() {
        return folder.resolve(FILE);
    }

    /**
     * The saved session; empty when there is none or it cannot be read (then the user simply logs
     * in again).
     */
    public Optional<Credentials> load() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readValue(Files.readAllBytes(file), Credentials.class));
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
    }

    public void save(Credentials credentials) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(folder)) {
            if (posix) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
            } else {
                Files.createDirectories(folder);
            }
        }
        Path temporary =
                posix
                        ? Files.createTempFile(
                                folder,
                                FILE,
                                ".tmp",
                                PosixFilePermissions.asFileAttribute(OWNER_FILE))
                        : Files.createTempFile(folder, FILE, ".tmp", new FileAttribute<?>[0]);
        try {
            Files.write(temporary, json.writeValueAsBytes(credentials));
            try {
                Files.move(
                        temporary,
                        file(),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file(), StandardCopyOption.REPLACE_EXISTING);
            }
            if (posix) {
                Files.setPosixFilePermissions(file(), OWNER_FILE);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public void delete() throws IOException {
        Files.deleteIfExists(file());
    }
}
