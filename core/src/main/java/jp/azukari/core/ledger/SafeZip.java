package jp.azukari.core.ledger;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A ZIP opened with suspicion: a bounded number of entries, names that stay inside the archive (no
 * absolute paths, no {@code ..}, no backslashes or drive letters, no duplicates), and entries read
 * through a counter that stops at a size and a compression-ratio limit, whatever the headers claim.
 */
public final class SafeZip implements AutoCloseable {

    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxRatio) {

        public static final Limits DEFAULT = new Limits(100_000, 2L << 30, 8L << 30, 100);
    }

    /** The archive is refused; the message says why in words an inspector understands. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    private final ZipFile zip;
    private final Limits limits;
    private final Map<String, ZipEntry> entries = new LinkedHashMap<>();
    private long total;

    public SafeZip(Path file, Limits limits) throws IOException {
        this.limits = limits;
        try {
            this.zip = new ZipFile(file.toFile());
        } catch (java.util.zip.ZipException e) {
            throw new Refused("not a ZIP file: " + e.getMessage());
        }
        try {
            if (zip.size() > limits.maxEntries()) {
                throw new Refused(
                        "too many entries: "
                                + zip.size()
                                + " (at most "
                                + limits.maxEntries()
                                + ")");
            }
            Set<String> seen = new HashSet<>();
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                String problem = unsafe(e.getName());
                if (problem != null) {
                    throw new Refused("entry name \"" + e.getName() + "\" refused: " + problem);
                }
                if (!seen.add(e.getName())) {
                    throw new Refused("entry \"" + e.getName() + "\" appears twice");
                }
                if (e.getSize() > limits.maxEntryBytes()) {
                    throw new Refused(
                            "entry \""
                                    + e.getName()
                                    + "\" declares "
                                    + e.getSize()
                                    + " bytes (at most "
                                    + limits.maxEntryBytes()
                                    + ")");
                }
                if (e.getSize() > allowed(e)) {
                    throw new Refused(
                            "entry \""
                                    + e.getName()
                                    + "\" declares "
                                    + e.getSize()
                                    + " bytes from "
                                    + e.getCompressedSize()
                                    + " compressed: a ZIP bomb");
                }
                if (!e.isDirectory()) {
                    entries.put(e.getName(), e);
                }
            }
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /**
     * What an entry may inflate to: its compressed size times the ratio limit (at least 1 MiB),
     * within the entry limit.
     */
    private long allowed(ZipEntry e) {
        long compressed = Math.max(e.getCompressedSize(), 1);
        return Math.min(limits.maxEntryBytes(), Math.max(1L << 20, compressed * limits.maxRatio()));
    }

    static String unsafe(String name) {
        if (name.isEmpty()) {
            return "empty name";
        }
        if (name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")) {
            return "an absolute path or a path outside the archive";
        }
        for (String part : name.split("/", -1)) {
            if (part.equals("..") || part.equals(".")) {
                return "a path that leaves the archive (path traversal)";
            }
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < 0x20) {
                return "a control character";
            }
        }
        return null;
    }

    public Set<String> names() {
        return entries.keySet();
    }

    public boolean has(String name) {
        return entries.containsKey(name);
    }

    /** The entry's bytes as they inflate, stopped with {@link Refused} past the limits. */
    public InputStream open(String name) throws IOException {
        ZipEntry e = entries.get(name);
        if (e == null) {
            throw new Refused("missing entry " + name);
        }
        long compressed = Math.max(e.getCompressedSize(), 1);
        long allowed = allowed(e);
        return new FilterInputStream(zip.getInputStream(e)) {
            long read;

            private void count(long n) throws Refused {
                if (n <= 0) {
                    return;
                }
                read += n;
                total += n;
                if (read > allowed) {
                    throw new Refused(
                            "entry "
                                    + name
                                    + " inflates beyond "
                                    + allowed
                                    + " bytes from "
                                    + compressed
                                    + " compressed: a ZIP bomb");
                }
                if (total > limits.maxTotalBytes()) {
                    throw new Refused(
                            "the archive inflates beyond "
                                    + limits.maxTotalBytes()
                                    + " bytes in all");
                }
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                count(n);
                return n;
            }
        };
    }

    public byte[] read(String name) throws IOException {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
