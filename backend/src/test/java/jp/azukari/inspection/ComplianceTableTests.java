package jp.azukari.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/compliance.md cannot go stale: one row per article, and every test it names exists in some
 * module's tests.
 */
class ComplianceTableTests {

    private static final Pattern TEST =
            Pattern.compile("`([A-Z][A-Za-z0-9_]*)#([a-zA-Z_][A-Za-z0-9_]*)`");

    @Test
    void everyArticleHasARowAndEveryNamedTestExists() throws IOException {
        Path docs = docs();
        Path root = docs.getParent();
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(docs.resolve("compliance.md"))) {
            String[] cells = line.split("\\|");
            if (cells.length > 3 && cells[1].strip().matches("[0-9]+(\\.[0-9]+)?")) {
                List<String[]> tests = new ArrayList<>();
                Matcher m = TEST.matcher(cells[3]);
                while (m.find()) {
                    tests.add(new String[] {m.group(1), m.group(2)});
                }
                rows.put(cells[1].strip(), tests);
            }
        }
        assertThat(rows.keySet()).contains("2.1", "2.2", "2.3", "3", "4", "6", "7", "8", "9");
        rows.forEach(
                (article, tests) ->
                        assertThat(tests).as("tests of article %s", article).isNotEmpty());
        List<Path> sources = testSources(root);
        List<String> missing = new ArrayList<>();
        rows.values()
                .forEach(
                        tests ->
                                tests.forEach(
                                        t -> {
                                            boolean found =
                                                    sources.stream()
                                                            .filter(
                                                                    p ->
                                                                            p.getFileName()
                                                                                    .toString()
                                                                                    .equals(
                                                                                            t[0]
                                                                                                    + ".java"))
                                                            .anyMatch(
                                                                    p ->
                                                                            read(p).matches(
                                                                                            "(?s).*\\bvoid\\s+"
                                                                                                    + t[
                                                                                                            1]
                                                                                                    + "\\s*\\(.*"));
                                            if (!found) {
                                                missing.add(t[0] + "#" + t[1]);
                                            }
                                        }));
        assertThat(missing).as("tests named in docs/compliance.md that do not exist").isEmpty();
    }

    private static List<Path> testSources(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path tests = module.resolve("src/test/java");
                if (Files.isDirectory(tests)) {
                    try (Stream<Path> files = Files.walk(tests)) {
                        files.filter(p -> p.toString().endsWith(".java")).forEach(out::add);
                    }
                }
            }
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path docs() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no docs/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs");
    }
}
