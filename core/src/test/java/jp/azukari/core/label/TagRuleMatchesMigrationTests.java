package jp.azukari.core.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The database's CHECK on {@code asset.tag} and {@link Tags} must accept and refuse the same tags.
 */
class TagRuleMatchesMigrationTests {

    private static final List<String> SAMPLES =
            List.of(
                    "A",
                    "0",
                    "A-2026-000123",
                    "HDD/2026.07-1",
                    "X".repeat(40),
                    "X".repeat(41),
                    "",
                    "-A",
                    ".A",
                    "/A",
                    "a-1",
                    "A 1",
                    "A:1",
                    "A_1",
                    "Ａ-1",
                    "A-",
                    "9/",
                    "A\n",
                    "A+1",
                    "A%1");

    @Test
    void theMigrationsTagConstraintIsTheModulesRule() throws IOException {
        Pattern constraint = Pattern.compile(tagConstraintRegex());
        for (String sample : SAMPLES) {
            assertThat(constraint.matcher(sample).find())
                    .as("the CHECK on %s", sample)
                    .isEqualTo(Tags.isTag(sample));
        }
    }

    /**
     * The POSIX regular expression of {@code CONSTRAINT asset_tag_format CHECK (tag ~ '…')} in V1.
     */
    private static String tagConstraintRegex() throws IOException {
        String sql = Files.readString(migrations().resolve("V1__custody_core.sql"));
        Matcher m =
                Pattern.compile(
                                "CONSTRAINT\\s+asset_tag_format\\s+CHECK\\s*\\(\\s*tag\\s*~\\s*'([^']*)'\\s*\\)")
                        .matcher(sql);
        assertThat(m.find()).as("V1 has the asset_tag_format constraint").isTrue();
        String regex = m.group(1);
        // anchored on both ends itself (find() would otherwise accept a tag inside junk);
        // PostgreSQL's ^ and $ are the
        // ends of the text, Java's $ also matches before a final line break, so they are read as \A
        // and \z
        assertThat(regex).startsWith("^").endsWith("$");
        return "\\A" + regex.substring(1, regex.length() - 1) + "\\z";
    }

    private static Path migrations() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("db/migration");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no db/migration above " + Path.of("").toAbsolutePath());
    }
}
