package jp.azukari.core.ledger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flat JSON objects (string, number, boolean and null values; no nesting), written and read without
 * a library, so the offline verifier needs nothing but the JDK. Reading is strict: anything else is
 * refused with its position.
 */
public final class FlatJson {

    private FlatJson() {}

    public static String write(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder(256).append('{');
        boolean first = true;
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey());
            out.append(':');
            Object v = e.getValue();
            if (v == null) {
                out.append("null");
            } else if (v instanceof Number || v instanceof Boolean) {
                out.append(v);
            } else {
                string(out, v.toString());
            }
        }
        return out.append('}').toString();
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The fields of one object, values as text (numbers and booleans as written, null as null). */
    public static Map<String, String> read(String json) {
        var p = new Parser(json);
        Map<String, String> out = p.object();
        p.spaces();
        if (p.i != json.length()) {
            throw p.error("text after the object");
        }
        return out;
    }

    private static final class Parser {
        final String s;
        int i;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(
                    "not flat JSON at character " + (i + 1) + ": " + what);
        }

        void spaces() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        void expect(char c) {
            spaces();
            if (i >= s.length() || s.charAt(i) != c) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        Map<String, String> object() {
            Map<String, String> out = new LinkedHashMap<>();
            expect('{');
            spaces();
            if (i < s.length() && s.charAt(i) == '}') {
                i++;
                return out;
            }
            while (true) {
                spaces();
                String key = string();
                expect(':');
                spaces();
                if (out.put(key, value()) != null) {
                    throw error("field " + key + " twice");
                }
                spaces();
                if (i < s.length() && s.charAt(i) == ',') {
                    i++;
                } else {
                    expect('}');
                    return out;
                }
            }
        }

        String value() {
            if (i >= s.length()) {
                throw error("value expected");
            }
            char c = s.charAt(i);
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length()
                    && (Character.isLetterOrDigit(s.charAt(i))
                            || "+-.".indexOf(s.charAt(i)) >= 0)) {
                i++;
            }
            String word = s.substring(start, i);
            if (word.equals("null")) {
                return null;
            }
            if (word.equals("true")
                    || word.equals("false")
                    || word.matches("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                return word;
            }
            throw error("not a flat value");
        }

        String string() {
            if (i >= s.length() || s.charAt(i) != '"') {
                throw error("string expected");
            }
            i++;
            StringBuilder out = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (i >= s.length()) {
                    throw error("unterminated escape");
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException x) {
                            throw error("bad \\u escape");
                        }
                        i += 4;
                    }
                    default -> throw error("bad escape");
                }
            }
        }
    }
}
