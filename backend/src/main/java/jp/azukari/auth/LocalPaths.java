package jp.azukari.auth;

/** Where the console may send a browser back to: only a path on this site, never another host. */
public final class LocalPaths {

    private LocalPaths() {}

    public static String safe(String next) {
        if (next == null
                || next.isEmpty()
                || next.length() > 2000
                || next.charAt(0) != '/'
                || next.startsWith("//")
                || next.startsWith("/\\")
                || next.startsWith("/signin")
                || next.startsWith("/console-error")) {
            return "/";
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c < 0x21 || c == '\\' || c > 0x7e) {
                return "/";
            }
        }
        return next;
    }
}
