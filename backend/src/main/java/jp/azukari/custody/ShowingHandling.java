package jp.azukari.custody;

import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.persistence.HandlingDigest;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Art. 2.2: what the receiver of a transfer is shown before confirming — each asset's handling
 * requirements and their digest, which it quotes (or answers {@code acknowledgedHandling: true})
 * when it confirms.
 */
public class ShowingHandling {

    public record Requirement(
            UUID assetId, String tag, String title, String handlingRequirements) {}

    /**
     * {@code acknowledgement}: the digest to send as {@code handlingAcknowledgement}; {@code
     * requirements}: only assets with some.
     */
    public record Handling(
            UUID transferId,
            boolean required,
            List<Requirement> requirements,
            String acknowledgement) {}

    private final DatabaseClient db;
    private final TransferService transfers;

    public ShowingHandling(DatabaseClient db, TransferService transfers) {
        this.db = db;
        this.transfers = transfers;
    }

    public Mono<Handling> of(Actor actor, UUID transferId) {
        Mono<String> digest =
                db.sql(
                                "SELECT ("
                                        + HandlingDigest.OF_TRANSFER_T
                                        + ") AS digest FROM transfer t WHERE t.id = :id")
                        .bind("id", transferId)
                        .map(r -> r.get("digest", String.class))
                        .one();
        Mono<List<Requirement>> requirements =
                db.sql(
                                """
                        SELECT a.id, a.tag, a.title, a.handling_requirements FROM transfer_line l JOIN asset a ON a.id = l.asset_id
                         WHERE l.transfer_id = :id AND btrim(coalesce(a.handling_requirements, '')) <> '' ORDER BY a.tag""")
                        .bind("id", transferId)
                        .map(
                                r ->
                                        new Requirement(
                                                r.get("id", UUID.class),
                                                r.get("tag", String.class),
                                                r.get("title", String.class),
                                                r.get("handling_requirements", String.class)))
                        .all()
                        .collectList();
        // the transfer as the caller may see it: another party's transfer answers 404
        return transfers
                .find(actor, transferId)
                .then(
                        Mono.zip(
                                requirements,
                                digest,
                                (list, d) -> new Handling(transferId, !list.isEmpty(), list, d)));
    }
}
