package jp.azukari.asset;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.LedgerEntry;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.Scope;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Assets in the caller's scope: found, listed, searched and their ledger read; registering a batch
 * ({@link AssetRegistration}) goes through here too.
 */
public class AssetService {

    public static final int MAX_BATCH = 1000;

    private final DatabaseClient db;
    private final Ledger ledger;
    private final AssetRegistration registration;

    public AssetService(
            DatabaseClient db,
            TransactionalOperator tx,
            Ledger ledger,
            Clock clock,
            AgencyTimeZone zone) {
        this.db = db;
        this.ledger = ledger;
        this.registration = new AssetRegistration(db, tx, ledger, clock, zone);
    }

    public record NewAsset(
            String tag,
            String kind,
            String title,
            String serialNumber,
            String sensitivity,
            String handlingRequirements) {}

    /**
     * Registers a batch in one transaction: a CLERK or MANAGER, a contract not CLOSED, tags unused;
     * each asset gets its tag and the first event of its chain.
     */
    public Flux<AssetView> register(Actor actor, UUID contractId, List<NewAsset> assets) {
        return registration.register(actor, contractId, assets);
    }

    public Mono<AssetView> find(Actor actor, UUID id) {
        var spec =
                db.sql(AssetView.SELECT + " WHERE a.id = :id" + Scope.asset(actor)).bind("id", id);
        spec = Scope.bind(spec, actor);
        return spec.map(AssetView::read)
                .one()
                .switchIfEmpty(Mono.error(Problems.notFound("Asset " + id)));
    }

    public record Filter(UUID contractId, String custodyState, UUID holderPartyId, String tag) {}

    public Flux<AssetView> list(Actor actor, Filter f, int limit, int offset) {
        String sql =
                AssetView.SELECT
                        + """
                 WHERE (CAST(:contract AS uuid) IS NULL OR a.contract_id = :contract)
                   AND (CAST(:state AS text) IS NULL OR a.custody_state = :state)
                   AND (CAST(:holder AS uuid) IS NULL OR a.holder_party_id = :holder)
                   AND (CAST(:tag AS text) IS NULL OR a.tag = :tag)"""
                        + Scope.asset(actor)
                        + " ORDER BY a.tag LIMIT :limit OFFSET :offset";
        var spec = db.sql(sql).bind("limit", limit).bind("offset", offset);
        spec = jp.azukari.platform.db.Binds.nullable(spec, "contract", f.contractId(), UUID.class);
        spec = jp.azukari.platform.db.Binds.nullable(spec, "state", f.custodyState(), String.class);
        spec = jp.azukari.platform.db.Binds.nullable(spec, "holder", f.holderPartyId(), UUID.class);
        spec = jp.azukari.platform.db.Binds.nullable(spec, "tag", f.tag(), String.class);
        spec = Scope.bind(spec, actor);
        return spec.map(AssetView::read).all();
    }

    /**
     * What the console's asset search asks: a tag or words of a title, within a contract and state.
     */
    public record Search(String text, UUID contractId, String custodyState) {}

    /**
     * Assets whose tag is the text as a counter clerk types it (full-width, lower case, stray
     * spaces: see {@link jp.azukari.core.label.CounterInput#tag}) or whose title contains it,
     * newest tags last, in the caller's scope.
     */
    public Flux<AssetView> search(Actor actor, Search s, int limit, int offset) {
        String text = s.text() == null || s.text().isBlank() ? null : s.text().strip();
        String tag = text == null ? null : jp.azukari.core.label.CounterInput.tag(text);
        // only the conditions asked for, so PostgreSQL plans each shape for what it is (the tag
        // index for the order)
        StringBuilder sql = new StringBuilder(AssetView.SELECT).append(" WHERE true");
        if (s.contractId() != null) {
            sql.append(" AND a.contract_id = :contract");
        }
        if (s.custodyState() != null) {
            sql.append(" AND a.custody_state = :state");
        }
        if (tag != null) {
            sql.append(" AND (a.tag = :tag OR a.tag LIKE :tag_prefix OR a.title ILIKE :like)");
        }
        sql.append(Scope.asset(actor)).append(" ORDER BY a.tag LIMIT :limit OFFSET :offset");
        var spec = db.sql(sql.toString()).bind("limit", limit).bind("offset", offset);
        if (s.contractId() != null) {
            spec = spec.bind("contract", s.contractId());
        }
        if (s.custodyState() != null) {
            spec = spec.bind("state", s.custodyState());
        }
        if (tag != null) {
            spec =
                    spec.bind("tag", tag)
                            .bind("tag_prefix", tag.replace("_", "\\_").replace("%", "\\%") + "%")
                            .bind(
                                    "like",
                                    "%"
                                            + text.replace("\\", "\\\\")
                                                    .replace("%", "\\%")
                                                    .replace("_", "\\_")
                                            + "%");
        }
        spec = Scope.bind(spec, actor);
        return spec.map(AssetView::read).all();
    }

    /** A contract's assets; a contract the caller may not see answers 404, not an empty list. */
    public Flux<AssetView> listOfContract(Actor actor, UUID contractId, int limit, int offset) {
        var contract =
                db.sql("SELECT c.id FROM contract c WHERE c.id = :id" + Scope.contract(actor))
                        .bind("id", contractId);
        contract = Scope.bind(contract, actor);
        return contract.map(r -> r.get("id", UUID.class))
                .one()
                .switchIfEmpty(Mono.error(Problems.notFound("Contract " + contractId)))
                .flatMapMany(id -> list(actor, new Filter(id, null, null, null), limit, offset));
    }

    /** The asset's ledger, oldest first, for a caller allowed to see the asset. */
    public Flux<LedgerEntry> history(Actor actor, UUID id) {
        return find(actor, id).flatMapMany(a -> ledger.history(a.id()));
    }
}
