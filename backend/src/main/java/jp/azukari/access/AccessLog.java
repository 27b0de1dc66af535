package jp.azukari.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.platform.Batching;
import jp.azukari.platform.problem.ProblemKind;
import jp.azukari.platform.problem.RuleRefused;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Art. 2.1: records every read of an asset's record by a contractor- or subcontractor-side user.
 * Reads that arrive together are written together, in one multi-row INSERT (group commit through
 * {@link Batching}); each read's answer waits for the INSERT its entry joined, so an entry is never
 * lost, not even by a kill -9: a read whose entry was not committed was not answered. The same
 * INSERT decides whether the read is allowed: after the contract is CLOSED it is refused (and the
 * refusal is what gets recorded), without a query of its own.
 */
public class AccessLog {

    public enum Action {
        DETAIL,
        EVENTS,
        LABEL,
        REPORT
    }

    public static final String CONTRACT_CLOSED = "CONTRACT_CLOSED_NO_USE";

    /**
     * Where a read came from: the client's {@code X-Device-Id} and the connection's address (either
     * may be null).
     */
    public record Origin(String deviceId, String address) {

        public static final Origin UNKNOWN = new Origin(null, null);

        public Origin {
            deviceId = bounded(deviceId, 200);
            address = bounded(address, 100);
        }

        private static String bounded(String s, int max) {
            if (s == null || s.isBlank()) {
                return null;
            }
            String t = s.strip().replaceAll("\\p{Cntrl}", "");
            return t.length() > max ? t.substring(0, max) : t;
        }
    }

    record Entry(
            Actor actor,
            UUID assetId,
            UUID contractId,
            Action action,
            Origin origin,
            OffsetDateTime at) {}

    private final DatabaseClient db;
    private final Clock clock;
    private final boolean enabled;
    private final Batching<Entry, String> batches;

    public AccessLog(DatabaseClient db, Clock clock, boolean enabled, int maxBatch, int inFlight) {
        this.db = db;
        this.clock = clock;
        this.enabled = enabled;
        // every entry is its own key: any two may share a group
        this.batches = new Batching<>(maxBatch, inFlight, e -> new Object(), this::write);
    }

    /**
     * Completes once the read is recorded, or errors with 403 {@value #CONTRACT_CLOSED} (article
     * 2.1) when the asset's contract is CLOSED. Agency-side users are not recorded.
     */
    public Mono<Void> read(
            Actor actor, UUID assetId, UUID contractId, Action action, Origin origin) {
        if (!enabled || !actor.isScopedToParty()) {
            return Mono.empty();
        }
        var entry =
                new Entry(
                        actor,
                        assetId,
                        contractId,
                        action,
                        origin == null ? Origin.UNKNOWN : origin,
                        OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)));
        return batches.submit(entry)
                .flatMap(
                        outcome ->
                                "READ".equals(outcome)
                                        ? Mono.empty()
                                        : Mono.error(
                                                RuleRefused.of(
                                                        ProblemKind.FORBIDDEN,
                                                        CONTRACT_CLOSED,
                                                        "2.1",
                                                        "Contract "
                                                                + contractId
                                                                + " is CLOSED: its assets' records are no longer used by the contractor side")));
    }

    private Mono<Runnable> write(List<Batching.Request<Entry, String>> group) {
        int n = group.size();
        Long[] ord = new Long[n];
        String[] at = new String[n];
        UUID[] users = new UUID[n];
        UUID[] parties = new UUID[n];
        UUID[] assets = new UUID[n];
        UUID[] contracts = new UUID[n];
        String[] actions = new String[n];
        String[] devices = new String[n];
        String[] addresses = new String[n];
        for (int i = 0; i < n; i++) {
            Entry e = group.get(i).value();
            ord[i] = (long) i;
            at[i] = e.at().toString();
            users[i] = e.actor().userId();
            parties[i] = e.actor().partyId();
            assets[i] = e.assetId();
            contracts[i] = e.contractId();
            actions[i] = e.action().name();
            devices[i] = e.origin().deviceId();
            addresses[i] = e.origin().address();
        }
        return db.sql(
                        """
                        WITH u AS (
                            SELECT u.*, CASE WHEN c.status = 'CLOSED' THEN 'REFUSED' ELSE 'READ' END AS outcome
                              FROM unnest(CAST(:ord AS bigint[]), CAST(:at AS timestamptz[]), CAST(:users AS uuid[]),
                                          CAST(:parties AS uuid[]), CAST(:assets AS uuid[]), CAST(:contracts AS uuid[]),
                                          CAST(:actions AS text[]), CAST(:devices AS text[]), CAST(:addresses AS text[]))
                                   AS u(ord, at, user_id, party_id, asset_id, contract_id, action, device_id, address)
                              JOIN contract c ON c.id = u.contract_id),
                        w AS (
                            INSERT INTO asset_access (occurred_at, user_id, party_id, asset_id, contract_id, action, outcome,
                                                      refusal_code, device_id, address)
                            SELECT at, user_id, party_id, asset_id, contract_id, action, outcome,
                                   CASE WHEN outcome = 'REFUSED' THEN :closed END, device_id, address
                              FROM u ORDER BY ord)
                        SELECT ord, outcome FROM u""")
                .bind("ord", ord)
                .bind("at", at)
                .bind("users", users)
                .bind("parties", parties)
                .bind("assets", assets)
                .bind("contracts", contracts)
                .bind("actions", actions)
                .bind("devices", devices)
                .bind("addresses", addresses)
                .bind("closed", CONTRACT_CLOSED)
                .map(r -> Map.entry(r.get("ord", Long.class), r.get("outcome", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
                .map(
                        outcomes ->
                                () -> {
                                    for (int i = 0; i < n; i++) {
                                        String outcome = outcomes.get((long) i);
                                        if (outcome != null) {
                                            group.get(i).answer(outcome);
                                        }
                                    }
                                });
    }
}
