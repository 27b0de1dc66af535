package jp.azukari.scanner.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class CredentialStoreTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Credentials SESSION =
            new Credentials(
                    "https://azukari.example.jp",
                    "custodian",
                    "access",
                    "refresh",
                    Instant.parse("2026-11-25T10:00:00Z"));

    @TempDir Path home;

    @Test
    void theSessionIsSavedReadableByItsOwnerOnly() throws IOException {
        Path folder = home.resolve("config/azukari");
        CredentialStore store = new CredentialStore(folder, JSON);

        store.save(SESSION);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .isEqualTo("rwx------");
        assertThat(store.load()).contains(SESSION);
    }

    @Test
    void aSessionFileLeftWithWiderPermissionsIsNarrowedWhenSavedAgain() throws IOException {
        CredentialStore store = new CredentialStore(home, JSON);
        Files.writeString(store.file(), "{}");
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));

        store.save(SESSION);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                .isEqualTo("rw-------");
    }

    @Test
    void anUnreadableSessionFileMeansLoggedOut() throws IOException {
        CredentialStore store = new CredentialStore(home, JSON);
        Files.writeString(store.file(), "not json");

        assertThat(store.load()).isEmpty();
    }

    @Test
    void loggingOutRemovesTheFile() throws IOException {
        CredentialStore store = new CredentialStore(home, JSON);
        store.save(SESSION);

        store.delete();

        assertThat(store.file()).doesNotExist();
        assertThat(home).isEmptyDirectory();
    }
}
