package jp.azukari.custody.persistence;

/**
 * Art. 2.2: the digest of a transfer's handling requirements, which a receiver quotes to
 * acknowledge them: hex SHA-256 over the UTF-8 of the transfer id, a line feed, then for each line
 * whose asset has requirements, in asset id order, "asset id TAB requirements LF". Written once in
 * SQL so that what is shown and what is checked are the same computation.
 */
public final class HandlingDigest {

    /** For the transfer aliased {@code t}. */
    public static final String OF_TRANSFER_T =
            """
            SELECT encode(sha256(convert_to(t.id::text || E'\\n' || coalesce(string_agg(hx.id::text || E'\\t'
                          || hx.handling_requirements || E'\\n', '' ORDER BY hx.id), ''), 'UTF8')), 'hex')
              FROM transfer_line hl JOIN asset hx ON hx.id = hl.asset_id
             WHERE hl.transfer_id = t.id AND btrim(coalesce(hx.handling_requirements, '')) <> ''""";

    private HandlingDigest() {}
}
