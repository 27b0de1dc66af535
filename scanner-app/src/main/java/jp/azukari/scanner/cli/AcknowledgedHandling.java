package jp.azukari.scanner.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

/**
 * Art. 2.2, once per transfer: the handling requirements this device's custodian acknowledged, one
 * line per transfer and digest ({@code server transfer sha256}), so a second confirming run of the
 * same transfer does not ask again, while changed requirements (another digest) are asked for
 * afresh.
 */
final class AcknowledgedHandling {

    private static final String FILE = "handling-acknowledged.txt";

    private final Path file;

    AcknowledgedHandling(Path configFolder) {
        this.file = configFolder.resolve(FILE);
    }

    boolean contains(String server, UUID transferId, String digest) {
        if (digest == null || !Files.isRegularFile(file)) {
            return false;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.contains(line(server, transferId, digest));
        } catch (IOException e) {
            return false; // asked again: a question too many is harmless
        }
    }

    /** Best effort: a file that cannot be written only means the question comes again. */
    void add(String server, UUID transferId, String digest) {
        if (digest == null || contains(server, transferId, digest)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    line(server, transferId, digest) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // see above
        }
    }

    private static String line(String server, UUID transferId, String digest) {
        return server + " " + transferId + " " + digest;
    }
}
