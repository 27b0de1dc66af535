package jp.azukari.inspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.azukari.core.ledger.Sha256;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * A ZIP written as it is sent: entries are deflated into a small buffer that is handed on as a
 * {@link DataBuffer} whenever it fills, so the archive never sits in memory. Every entry's SHA-256
 * is noted for {@code SHA256SUMS}. One pipeline writes at a time (the fluxes are concatenated), so
 * no locking is needed.
 */
final class ZipStream {

    private static final int FLUSH_AT = 64 * 1024;

    private final Pending out = new Pending();
    private final ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    private final DataBufferFactory buffers;
    private final StringBuilder sums = new StringBuilder();
    private MessageDigest entry;
    private String entryName;

    private static final class Pending extends ByteArrayOutputStream {
        byte[] take() {
            byte[] b = toByteArray();
            reset();
            return b;
        }
    }

    ZipStream(DataBufferFactory buffers) {
        this.buffers = buffers;
    }

    private void begin(String name) {
        try {
            zip.putNextEntry(new ZipEntry(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entry = Sha256.newDigest();
        entryName = name;
    }

    private void write(byte[] bytes) {
        try {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entry.update(bytes);
    }

    private void end() {
        try {
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sums.append(HexFormat.of().formatHex(entry.digest()))
                .append("  ")
                .append(entryName)
                .append('\n');
    }

    private Flux<DataBuffer> drain() {
        return out.size() == 0 ? Flux.empty() : Flux.just(buffers.wrap(out.take()));
    }

    /** One entry with the given bytes. */
    Flux<DataBuffer> file(String name, byte[] content) {
        return Flux.defer(
                () -> {
                    begin(name);
                    write(content);
                    end();
                    return drain();
                });
    }

    /** One entry of text lines, each followed by a line feed, written as the lines come. */
    Flux<DataBuffer> lines(String name, Flux<String> lines) {
        return Flux.defer(
                () -> {
                    begin(name);
                    return lines.<DataBuffer>handle(
                                    (line, sink) -> {
                                        write((line + "\n").getBytes(StandardCharsets.UTF_8));
                                        if (out.size() >= FLUSH_AT) {
                                            sink.next(buffers.wrap(out.take()));
                                        }
                                    })
                            .concatWith(
                                    Flux.defer(
                                            () -> {
                                                end();
                                                return drain();
                                            }));
                });
    }

    /** One entry copied from a file in chunks (read off the event loop). */
    Flux<DataBuffer> copy(String name, Path file) {
        return Flux.defer(
                () -> {
                    begin(name);
                    return Flux.using(
                                    () -> Files.newInputStream(file),
                                    in ->
                                            Flux.<byte[]>generate(
                                                    sink -> {
                                                        try {
                                                            byte[] chunk = in.readNBytes(FLUSH_AT);
                                                            if (chunk.length == 0) {
                                                                sink.complete();
                                                            } else {
                                                                sink.next(chunk);
                                                            }
                                                        } catch (IOException e) {
                                                            sink.error(e);
                                                        }
                                                    }),
                                    ZipStream::closeQuietly)
                            .subscribeOn(Schedulers.boundedElastic())
                            .concatMap(
                                    chunk -> {
                                        write(chunk);
                                        return drain();
                                    })
                            .concatWith(
                                    Flux.defer(
                                            () -> {
                                                end();
                                                return drain();
                                            }));
                });
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every entry's SHA-256 so far, as {@code sha256sum} writes them. */
    byte[] sums() {
        return sums.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The central directory; nothing may be written after it. */
    Flux<DataBuffer> finish() {
        return Flux.defer(
                () -> {
                    try {
                        zip.finish();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return drain();
                });
    }
}
