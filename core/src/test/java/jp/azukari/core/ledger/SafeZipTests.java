package jp.azukari.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeZipTests {

    @Test
    void namesThatLeaveTheArchiveAreRefused() {
        assertThat(SafeZip.unsafe("ledger/events.jsonl")).isNull();
        assertThat(SafeZip.unsafe("certificates/1/a..b.pdf")).isNull();
        assertThat(SafeZip.unsafe("../x")).contains("path traversal");
        assertThat(SafeZip.unsafe("a/../../x")).contains("path traversal");
        assertThat(SafeZip.unsafe("/etc/passwd")).contains("absolute");
        assertThat(SafeZip.unsafe("C:evil")).contains("absolute");
        assertThat(SafeZip.unsafe("a\\..\\b")).contains("absolute");
        assertThat(SafeZip.unsafe("a\u0000b")).contains("control");
    }
}
