package jp.azukari.scanner.cli;

import java.io.Console;

/** Asks for a password without echoing it; null when there is no terminal to ask on. */
@FunctionalInterface
public interface PasswordPrompt {

    char[] ask(String prompt);

    static PasswordPrompt console() {
        return prompt -> {
            Console console = System.console();
            return console == null ? null : console.readPassword("%s", prompt);
        };
    }
}
