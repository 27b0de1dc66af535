package jp.azukari.files;

import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;

/** An uploaded file as it arrives: its name, its declared type, and its content, not yet read. */
public record Upload(String filename, String contentType, Flux<DataBuffer> content) {}
