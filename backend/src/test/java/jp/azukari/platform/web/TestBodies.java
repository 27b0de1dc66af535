package jp.azukari.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Request bodies for tests of the body limit. */
public final class TestBodies {

    private TestBodies() {}

    /** A JSON object of 10 MiB: one long string value, well-formed, far beyond the 4 MB limit. */
    public static byte[] tenMegabyteJson() {
        return jsonOfSize(10 * 1024 * 1024);
    }

    public static byte[] jsonOfSize(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        byte[] head = "{\"name\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        return body;
    }
}
