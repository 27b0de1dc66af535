package jp.azukari;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, acceptance 2: no class of the product is over 300 lines (a source file of {@code
 * src/main/java}, counted as {@code wc -l} counts it). A class that grows past it is split into one
 * class per use case, as the custody transfers were.
 */
class ClassSizeTests {

    static final int MAX_LINES = 300;
    static final Path MAIN = Path.of("src/main/java");

    record Size(Path file, long lines) {

        @Override
        public String toString() {
            return MAIN.relativize(file) + " (" + lines + " lines)";
        }
    }

    @Test
    void no_class_of_the_product_is_over_300_lines() throws IOException {
        List<Size> sizes;
        try (Stream<Path> files = Files.walk(MAIN)) {
            sizes =
                    files.filter(f -> f.toString().endsWith(".java"))
                            .map(ClassSizeTests::size)
                            .toList();
        }
        assertThat(sizes).as("the product's classes under " + MAIN).hasSizeGreaterThan(100);
        List<Size> tooLong =
                sizes.stream()
                        .filter(s -> s.lines() > MAX_LINES)
                        .sorted((a, b) -> Long.compare(b.lines(), a.lines()))
                        .toList();
        assertThat(tooLong)
                .as("classes over " + MAX_LINES + " lines (split them by use case): " + tooLong)
                .isEmpty();
    }

    private static Size size(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return new Size(file, lines.count());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
