package jp.azukari.scanner.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared test data by walking up from the working directory, so tests run from the module
 * or the repo root.
 */
public final class TestData {

    private TestData() {}

    public static Path qrPhotos() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/testdata/qr-photos");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "shared/testdata/qr-photos not found in "
                        + start
                        + " or any folder above it; the decoder tests need the ZXing photo sets there");
    }
}
