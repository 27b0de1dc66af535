package jp.azukari.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/** Text the database refuses: the NUL character (PostgreSQL text cannot hold U+0000). */
public final class RefusedText {

    static final String REASON = "contains the NUL character (U+0000), which cannot be stored";

    private RefusedText() {}

    public static boolean contains(String s) {
        return s != null && s.indexOf('\u0000') >= 0;
    }

    /** The text with NUL shown as {@code \u0000}, for a message. */
    static String printable(String s) {
        String t = s.replace("\u0000", "\\u0000");
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }

    /**
     * Every JSON string the application reads is refused when it holds a NUL: 400 naming the field.
     */
    static JacksonModule jsonModule() {
        return new SimpleModule("refused-text").addDeserializer(String.class, new Strings());
    }

    static final class Strings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt)
                throws JacksonException {
            String s = super.deserialize(p, ctxt);
            if (contains(s)) {
                throw InvalidFormatException.from(p, REASON, s, String.class);
            }
            return s;
        }
    }
}
