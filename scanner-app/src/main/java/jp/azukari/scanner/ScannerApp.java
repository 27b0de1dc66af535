package jp.azukari.scanner;

import jp.azukari.scanner.cli.Cli;
import jp.azukari.scanner.cli.Environment;

/** The {@code scanner} program. */
public final class ScannerApp {

    private ScannerApp() {}

    public static void main(String[] args) {
        System.exit(Cli.run(Environment.system(), args));
    }
}
