package jp.azukari.asset.web;

import java.util.UUID;

/** Ids from query strings and form fields: anything that is not a UUID names nothing. */
final class Ids {

    private Ids() {}

    static UUID parseOrNull(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
