package jp.azukari.scanner.input;

/** Told how far a long input has got, so the counter can show a progress line. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total, current) -> {};

    void step(int done, int total, String current);
}
