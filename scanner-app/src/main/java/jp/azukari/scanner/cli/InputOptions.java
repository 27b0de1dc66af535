package jp.azukari.scanner.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The live inputs; picture files and folders are each command's positional parameters. */
final class InputOptions {

    @Option(
            names = "--watch",
            paramLabel = "DIR",
            description =
                    "Read each new picture that appears in DIR, once it is completely written. Stop with Ctrl-C.")
    Path watch;

    @Option(
            names = "--stdin",
            description =
                    "Read one label per line from standard input (a keyboard-wedge barcode scanner). End with Ctrl-D.")
    boolean stdin;

    @Option(
            names = "--camera-command",
            paramLabel = "CMD",
            description =
                    "Run CMD and read the MJPEG, JPEG or PNG frames it writes to standard output, e.g. "
                            + "\"ffmpeg -f v4l2 -i /dev/video0 -f mjpeg -q:v 3 -\". Each label counts once. Stop with Ctrl-C.")
    String camera;

    int liveCount() {
        return (watch != null ? 1 : 0) + (stdin ? 1 : 0) + (camera != null ? 1 : 0);
    }

    boolean live() {
        return liveCount() > 0;
    }
}
