package jp.azukari.scanner.queue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only file behind the queue: one record per line, {@code <crc32> <json>\n}. Every
 * append is forced to the device before it returns. A process killed mid-write leaves at most one
 * torn line at the end; it is cut off when the journal is next opened. A damaged line elsewhere is
 * skipped and counted, never guessed at.
 */
final class Journal implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.of();

    private final Path file;
    private final JsonMapper json;
    private FileChannel channel;
    private int lines;

    private Journal(Path file, JsonMapper json, FileChannel channel, int lines) {
        this.file = file;
        this.json = json;
        this.channel = channel;
        this.lines = lines;
    }

    /**
     * Opens (creating if needed) and replays the journal; the records read are handed to {@code
     * replayed}.
     */
    static Journal open(Path file, JsonMapper json, Replay replayed) throws IOException {
        FileChannel channel =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
        try {
            byte[] content = Files.readAllBytes(file);
            int good = 0;
            int lines = 0;
            int start = 0;
            while (start < content.length) {
                int end = indexOf(content, (byte) '\n', start);
                if (end < 0) {
                    break; // A torn last line: the write never finished, so the record was never
                    // acknowledged.
                }
                JournalLine line = decode(json, content, start, end);
                if (line != null) {
                    replayed.line(line);
                } else {
                    replayed.damaged();
                }
                lines++;
                start = end + 1;
                good = start;
            }
            if (good < content.length) {
                channel.truncate(good);
                channel.force(true);
            }
            channel.position(good);
            return new Journal(file, json, channel, lines);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    int lines() {
        return lines;
    }

    void append(List<JournalLine> records) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (JournalLine record : records) {
            bytes.writeBytes(encode(record));
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
        lines += records.size();
    }

    /**
     * Replaces the whole journal with {@code records}, atomically: a kill leaves either the old
     * file or the new.
     */
    void rewrite(List<JournalLine> records) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try (FileChannel out =
                FileChannel.open(
                        temporary,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            for (JournalLine record : records) {
                ByteBuffer buffer = ByteBuffer.wrap(encode(record));
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
            out.force(true);
        }
        channel.close();
        try {
            Files.move(
                    temporary,
                    file,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        syncFolder(file.getParent());
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.position(channel.size());
        lines = records.size();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private byte[] encode(JournalLine record) {
        byte[] body = json.writeValueAsBytes(record);
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] prefix =
                (HEX.toHexDigits((int) crc.getValue()) + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[prefix.length + body.length + 1];
        System.arraycopy(prefix, 0, line, 0, prefix.length);
        System.arraycopy(body, 0, line, prefix.length, body.length);
        line[line.length - 1] = '\n';
        return line;
    }

    private static JournalLine decode(JsonMapper json, byte[] content, int start, int end) {
        int bodyStart = start + 9;
        if (end < bodyStart || content[start + 8] != ' ') {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(content, bodyStart, end - bodyStart);
        String expected = new String(content, start, 8, StandardCharsets.US_ASCII);
        if (!expected.equals(HEX.toHexDigits((int) crc.getValue()))) {
            return null;
        }
        try {
            JournalLine line =
                    json.readValue(
                            new String(content, bodyStart, end - bodyStart, StandardCharsets.UTF_8),
                            JournalLine.class);
            return line.isWellFormed() ? line : null;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static int indexOf(byte[] content, byte b, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Makes the rename itself durable; not every platform can open a folder, and there it is
     * skipped.
     */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself.
        }
    }

    /** Receives the journal's records while it is replayed. */
    interface Replay {

        void line(JournalLine line);

        void damaged();
    }
}
