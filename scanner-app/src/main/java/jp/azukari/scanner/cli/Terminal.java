package jp.azukari.scanner.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Standard output in the terminal's encoding where Java knows it (Windows consoles), UTF-8
 * everywhere else.
 */
final class Terminal {

    private Terminal() {}

    static PrintStream stream(FileDescriptor descriptor) {
        String property =
                descriptor == FileDescriptor.err ? "sun.stderr.encoding" : "sun.stdout.encoding";
        String encoding = System.getProperty(property);
        Charset charset =
                encoding != null && Charset.isSupported(encoding)
                        ? Charset.forName(encoding)
                        : StandardCharsets.UTF_8;
        return new PrintStream(new FileOutputStream(descriptor), true, charset);
    }
}
