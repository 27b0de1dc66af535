package jp.azukari.asset.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded CSV file in the encodings Japanese offices save it in: UTF-8 with or
 * without a BOM, or Excel's Shift_JIS (Windows-31J); UTF-16 and binary files are no CSV here.
 */
final class CsvText {

    private CsvText() {}

    /** The text and the name of the encoding it was read in (shown in the preview). */
    record Decoded(String name, String text) {}

    /**
     * UTF-8 when there is a BOM or the bytes are valid UTF-8, else Windows-31J when they are valid
     * in it, else nothing.
     */
    static Decoded decode(byte[] bytes) {
        if (bytes.length >= 2
                && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            return null;
        }
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        if (bytes.length >= 3
                && bytes[0] == (byte) 0xEF
                && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF) {
            String text =
                    strict(StandardCharsets.UTF_8, ByteBuffer.wrap(bytes, 3, bytes.length - 3));
            return text == null ? null : new Decoded("UTF-8 (BOM)", text);
        }
        String utf8 = strict(StandardCharsets.UTF_8, ByteBuffer.wrap(bytes));
        if (utf8 != null) {
            return new Decoded("UTF-8", utf8);
        }
        String sjis = strict(AssetCsv.WINDOWS_31J, ByteBuffer.wrap(bytes));
        return sjis == null ? null : new Decoded("Shift_JIS (Windows-31J)", sjis);
    }

    private static String strict(Charset charset, ByteBuffer bytes) {
        try {
            CharBuffer chars =
                    charset.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
