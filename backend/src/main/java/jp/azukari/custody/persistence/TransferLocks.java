package jp.azukari.custody.persistence;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.core.custody.TransferKind;
import jp.azukari.custody.domain.ContractFacts;
import jp.azukari.custody.domain.ContractStatus;
import jp.azukari.custody.domain.LineStatus;
import jp.azukari.custody.domain.TransferStatus;
import jp.azukari.ledger.Ledger;
import jp.azukari.platform.Scope;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The locks of custody: always the transfer first, then its lines and assets in asset id order, so
 * two operations never wait on each other in a circle. The caller holds the transaction.
 */
public class TransferLocks {

    /**
     * Lines of one transfer that one caller wants locked, seen as that caller may see them; {@code
     * handlingDigest}: read the digest of the transfer's handling requirements too (art. 2.2, only
     * when the caller gave one).
     */
    public record Request(
            Actor actor, UUID transferId, Set<UUID> assetIds, boolean handlingDigest) {

        public Request(Actor actor, UUID transferId, Set<UUID> assetIds) {
            this(actor, transferId, assetIds, false);
        }
    }

    private final DatabaseClient db;

    public TransferLocks(DatabaseClient db) {
        this.db = db;
    }

    /** The transfer alone, locked; not found when the caller may not see it. */
    public Mono<TransferRow> lockTransfer(Actor actor, UUID id) {
        var spec =
                db.sql(
                                """
                        SELECT t.*, c.agency_party_id, c.contractor_party_id, c.status AS contract_status, c.return_due_on,
                               c.completed_on
                          FROM transfer t JOIN contract c ON c.id = t.contract_id
                         WHERE t.id = :id"""
                                        + Scope.transfer(actor)
                                        + " FOR UPDATE OF t")
                        .bind("id", id);
        spec = Scope.bind(spec, actor);
        return spec.map(TransferLocks::transferRow)
                .one()
                .switchIfEmpty(Mono.error(Problems.notFound("Transfer " + id)));
    }

    /**
     * As {@link #lockAll} for one request; the transfer alone when none of its lines were found
     * (404 or NOT_ON_TRANSFER).
     */
    public Mono<LockedTransfer> lockForConfirm(
            Actor actor, UUID id, Set<UUID> assetIds, boolean handlingDigest) {
        return lockAll(List.of(new Request(actor, id, assetIds, handlingDigest)))
                .flatMap(
                        locked ->
                                locked.get(0) == null
                                        // none of the assets is on the transfer: still lock it, to
                                        // tell 404 from NOT_ON_TRANSFER
                                        ? lockTransfer(actor, id)
                                                .map(t -> new LockedTransfer(t, List.of()))
                                        : Mono.just(locked.get(0)));
    }

    /**
     * Locks, for each request, its transfer and the requested lines and assets, all requests' rows
     * in transfer, then asset order (the order every confirmation locks in), in one query; null for
     * a request none of whose lines were found.
     */
    public Mono<List<LockedTransfer>> lockAll(List<Request> calls) {
        List<Integer> callNos = new ArrayList<>();
        List<UUID> transfers = new ArrayList<>();
        List<UUID> assets = new ArrayList<>();
        List<UUID> parties = new ArrayList<>();
        List<Boolean> digests = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Request c = calls.get(i);
            for (UUID asset : c.assetIds()) {
                callNos.add(i);
                transfers.add(c.transferId());
                assets.add(asset);
                parties.add(c.actor().isScopedToParty() ? c.actor().partyId() : null);
                digests.add(c.handlingDigest());
            }
        }
        return db.sql(
                        """
                        SELECT r.call_no, t.*, c.agency_party_id, c.contractor_party_id, c.status AS contract_status,
                               c.return_due_on, c.completed_on, l.status AS line_status, a.id AS asset_id, a.tag,
                               a.last_seq, a.last_hash, a.handling_requirements,
                               CASE WHEN r.digest THEN ("""
                                + HandlingDigest.OF_TRANSFER_T
                                + """
                               ) END AS handling_digest
                          FROM unnest(CAST(:calls AS int[]), CAST(:transfers AS uuid[]), CAST(:assets AS uuid[]),
                                      CAST(:parties AS uuid[]), CAST(:digests AS boolean[]))
                               AS r(call_no, transfer_id, asset_id, scope_party, digest)
                          JOIN transfer t ON t.id = r.transfer_id
                          JOIN contract c ON c.id = t.contract_id
                          JOIN transfer_line l ON l.transfer_id = t.id AND l.asset_id = r.asset_id
                          JOIN asset a ON a.id = l.asset_id
                         -- a custodian sees a transfer only with its own party on it (Scope.transfer)
                         WHERE r.scope_party IS NULL OR t.from_party_id = r.scope_party OR t.to_party_id = r.scope_party
                         ORDER BY t.id, a.id FOR UPDATE OF t, l, a""")
                .bind("calls", callNos.toArray(Integer[]::new))
                .bind("transfers", transfers.toArray(UUID[]::new))
                .bind("assets", assets.toArray(UUID[]::new))
                .bind("parties", parties.toArray(UUID[]::new))
                .bind("digests", digests.toArray(Boolean[]::new))
                .map(
                        r ->
                                new Object[] {
                                    r.get("call_no", Integer.class),
                                    transferRow(r),
                                    new LineRow(
                                            r.get("asset_id", UUID.class),
                                            r.get("tag", String.class),
                                            LineStatus.valueOf(r.get("line_status", String.class)),
                                            Ledger.Head.from(r, "asset_id"),
                                            r.get("handling_requirements", String.class)),
                                    r.get("handling_digest", String.class)
                                })
                .all()
                .collectList()
                .map(
                        rows -> {
                            List<LockedTransfer> locked =
                                    new ArrayList<>(
                                            Collections.nCopies(
                                                    calls.size(), (LockedTransfer) null));
                            for (Object[] row : rows) {
                                int i = (Integer) row[0];
                                LockedTransfer before = locked.get(i);
                                List<LineRow> lines =
                                        before == null
                                                ? new ArrayList<>()
                                                : new ArrayList<>(before.lines());
                                lines.add((LineRow) row[2]);
                                locked.set(
                                        i,
                                        new LockedTransfer(
                                                (TransferRow) row[1], lines, (String) row[3]));
                            }
                            return locked;
                        });
    }

    private static TransferRow transferRow(Readable r) {
        UUID contractId = r.get("contract_id", UUID.class);
        return new TransferRow(
                r.get("id", UUID.class),
                TransferKind.valueOf(r.get("kind", String.class)),
                TransferStatus.valueOf(r.get("status", String.class)),
                contractId,
                r.get("from_party_id", UUID.class),
                r.get("to_party_id", UUID.class),
                r.get("approval_id", UUID.class),
                new ContractFacts(
                        contractId,
                        r.get("agency_party_id", UUID.class),
                        r.get("contractor_party_id", UUID.class),
                        ContractStatus.valueOf(r.get("contract_status", String.class)),
                        r.get("return_due_on", LocalDate.class),
                        r.get("completed_on", LocalDate.class)));
    }
}
