package jp.azukari.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load, printed with a benchmark's figures (the machine is shared and noisy). */
final class Uptime {

    private Uptime() {}

    /** What {@code uptime} says, or the load averages of /proc/loadavg where it is missing. */
    static String now() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() == 0 && !out.isBlank()) {
                return out.strip();
            }
        } catch (IOException e) {
            // no uptime command: read the kernel's figures below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            return "load average: " + Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "load average unknown";
        }
    }
}
