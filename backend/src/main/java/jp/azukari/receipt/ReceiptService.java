package jp.azukari.receipt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.TransferService;
import jp.azukari.custody.TransferView;
import jp.azukari.platform.problem.ProblemException;
import jp.azukari.platform.problem.ProblemKind;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The handover receipt of a completed transfer. It is read as the transfer is (a caller who may not
 * see the transfer gets 404), and each line is printed with the ledger event that closed it (the
 * custody move, or MARKED_MISSING), so the paper can be checked against the ledger.
 */
public class ReceiptService {

    /** The event types that close a transfer line. */
    private static final String CLOSING_EVENTS =
            "'ISSUED', 'HANDED_OFF', 'RECOVERED', 'RETURNED', 'MARKED_MISSING'";

    private final DatabaseClient db;
    private final TransferService transfers;
    private final ReceiptPdf pdf;

    public ReceiptService(DatabaseClient db, TransferService transfers, ReceiptPdf pdf) {
        this.db = db;
        this.transfers = transfers;
        this.pdf = pdf;
    }

    private record Event(long seq, String hash) {}

    public Mono<byte[]> pdf(Actor actor, UUID transferId) {
        return receipt(actor, transferId).publishOn(Schedulers.boundedElastic()).map(pdf::render);
    }

    public Mono<Receipt> receipt(Actor actor, UUID transferId) {
        return transfers
                .find(actor, transferId)
                .flatMap(
                        t -> {
                            if (!"COMPLETED".equals(t.status())) {
                                return Mono.error(notCompleted(t));
                            }
                            Set<UUID> users = new HashSet<>();
                            users.add(t.startedBy());
                            t.lines().stream()
                                    .map(TransferView.Line::confirmedBy)
                                    .filter(java.util.Objects::nonNull)
                                    .forEach(users::add);
                            return Mono.zip(
                                            events(transferId),
                                            names(users),
                                            contractTitle(t.contractId()))
                                    .map(z -> assemble(t, z.getT1(), z.getT2(), z.getT3()));
                        });
    }

    private static ProblemException notCompleted(TransferView t) {
        return Problems.exception(
                        ProblemKind.CONFLICT,
                        "transfer-not-completed",
                        "Conflict",
                        "Transfer "
                                + t.id()
                                + " is "
                                + t.status()
                                + "; a receipt is made once it is COMPLETED")
                .with("code", "TRANSFER_NOT_COMPLETED");
    }

    private static Receipt assemble(
            TransferView t,
            Map<UUID, Event> events,
            Map<UUID, String> names,
            String contractTitle) {
        List<Receipt.Line> lines = new ArrayList<>();
        for (TransferView.Line l : t.lines()) {
            Event e = events.get(l.assetId());
            lines.add(
                    new Receipt.Line(
                            l.lineNo(),
                            l.tag(),
                            l.title(),
                            l.status(),
                            l.confirmedBy() == null ? null : names.get(l.confirmedBy()),
                            l.confirmedAt(),
                            l.deviceId(),
                            e == null ? 0 : e.seq(),
                            e == null ? null : e.hash()));
        }
        return new Receipt(
                t.id(),
                t.kind(),
                t.contractNumber(),
                contractTitle,
                t.fromPartyName(),
                t.toPartyName(),
                names.get(t.startedBy()),
                t.startedAt(),
                t.closedAt(),
                List.copyOf(lines));
    }

    private Mono<Map<UUID, Event>> events(UUID transferId) {
        return db.sql(
                        "SELECT asset_id, seq, encode(hash, 'hex') AS hash FROM custody_event"
                                + " WHERE transfer_id = :id AND type IN ("
                                + CLOSING_EVENTS
                                + ") ORDER BY asset_id, seq")
                .bind("id", transferId)
                .map(
                        r ->
                                Map.entry(
                                        r.get("asset_id", UUID.class),
                                        new Event(
                                                r.get("seq", Integer.class),
                                                r.get("hash", String.class))))
                .all()
                .collect(HashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()));
    }

    /** The display names of these users, for pages that show who confirmed a line. */
    public Mono<Map<UUID, String>> names(Set<UUID> users) {
        return db.sql("SELECT id, display_name FROM app_user WHERE id = ANY(:ids)")
                .bind("ids", users.toArray(UUID[]::new))
                .map(r -> Map.entry(r.get("id", UUID.class), r.get("display_name", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Mono<String> contractTitle(UUID contractId) {
        return db.sql("SELECT title FROM contract WHERE id = :id")
                .bind("id", contractId)
                .map(r -> r.get("title", String.class))
                .one()
                .defaultIfEmpty("");
    }
}
