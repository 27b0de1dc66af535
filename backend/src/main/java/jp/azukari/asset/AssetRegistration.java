package jp.azukari.asset;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.ledger.EventType;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.NewEvent;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registering a batch of assets in one transaction: who may, into which contract, with tags unused;
 * each gets its tag (given, or the next of the agency's year) and the first event of its chain.
 */
final class AssetRegistration {

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Ledger ledger;
    private final Clock clock;
    private final AgencyTimeZone zone;

    AssetRegistration(
            DatabaseClient db,
            TransactionalOperator tx,
            Ledger ledger,
            Clock clock,
            AgencyTimeZone zone) {
        this.db = db;
        this.tx = tx;
        this.ledger = ledger;
        this.clock = clock;
        this.zone = zone;
    }

    private record ContractRow(UUID id, UUID agencyPartyId, String status) {}

    Flux<AssetView> register(Actor actor, UUID contractId, List<AssetService.NewAsset> assets) {
        if (actor.role() != Role.CLERK && actor.role() != Role.MANAGER) {
            return Flux.error(Problems.forbidden("Only a CLERK or MANAGER registers assets"));
        }
        if (assets.isEmpty() || assets.size() > AssetService.MAX_BATCH) {
            return Flux.error(
                    Problems.badRequest(
                            "Register between 1 and "
                                    + AssetService.MAX_BATCH
                                    + " assets per request; got "
                                    + assets.size()));
        }
        Set<String> given = new HashSet<>();
        for (AssetService.NewAsset a : assets) {
            if (a.tag() != null && !given.add(a.tag())) {
                return Flux.error(
                        Problems.badRequest("Tag " + a.tag() + " appears twice in the request"));
            }
        }
        return db.sql("SELECT id, agency_party_id, status FROM contract WHERE id = :id")
                .bind("id", contractId)
                .map(
                        r ->
                                new ContractRow(
                                        r.get("id", UUID.class),
                                        r.get("agency_party_id", UUID.class),
                                        r.get("status", String.class)))
                .one()
                .switchIfEmpty(Mono.error(Problems.notFound("Contract " + contractId)))
                .flatMap(
                        c ->
                                !"CLOSED".equals(c.status())
                                        ? Mono.just(c)
                                        : Mono.error(
                                                Problems.conflict(
                                                        "contract-closed",
                                                        "Contract " + contractId + " is CLOSED")))
                .flatMap(c -> rejectTakenTags(given).thenReturn(c))
                // collected inside the transaction: nothing is answered before the commit
                .flatMap(c -> tx.transactional(insert(actor, c, assets).collectList()))
                .flatMapMany(Flux::fromIterable);
    }

    private Mono<Void> rejectTakenTags(Set<String> tags) {
        if (tags.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("SELECT tag FROM asset WHERE tag = ANY(:tags) ORDER BY tag")
                .bind("tags", tags.toArray(String[]::new))
                .map(r -> r.get("tag", String.class))
                .all()
                .collectList()
                .flatMap(
                        taken ->
                                taken.isEmpty()
                                        ? Mono.empty()
                                        : Mono.error(
                                                Problems.conflict(
                                                        "duplicate-tag",
                                                        "Tags already in use: "
                                                                + String.join(", ", taken))));
    }

    private Flux<AssetView> insert(
            Actor actor, ContractRow contract, List<AssetService.NewAsset> assets) {
        Instant now = clock.instant();
        int year = zone.today(clock).getYear();
        long needed = assets.stream().filter(a -> a.tag() == null).count();
        return db.sql("SELECT nextval('asset_tag_seq') AS n FROM generate_series(1, :count)")
                .bind("count", (int) needed)
                .map(r -> r.get("n", Long.class))
                .all()
                .collectList()
                .flatMapMany(
                        numbers -> {
                            var generated = numbers.iterator();
                            int n = assets.size();
                            UUID[] ids = new UUID[n];
                            String[] tags = new String[n];
                            List<NewEvent> events = new ArrayList<>(n);
                            for (int i = 0; i < n; i++) {
                                AssetService.NewAsset a = assets.get(i);
                                ids[i] = UUID.randomUUID();
                                tags[i] =
                                        a.tag() != null
                                                ? a.tag()
                                                : String.format(
                                                        "A-%d-%06d", year, generated.next());
                                events.add(
                                        NewEvent.of(
                                                        ids[i],
                                                        contract.id(),
                                                        EventType.REGISTERED,
                                                        actor.userId(),
                                                        now)
                                                .parties(null, contract.agencyPartyId())
                                                .note(tags[i])
                                                .build());
                            }
                            return insertRows(contract, assets, ids, tags)
                                    .thenMany(ledger.appendGenesis(events))
                                    .collectList()
                                    .flatMap(ledger::moveHeads)
                                    .thenMany(
                                            db.sql(
                                                            AssetView.SELECT
                                                                    + " WHERE a.id = ANY(:ids) ORDER BY a.tag")
                                                    .bind("ids", ids)
                                                    .map(AssetView::read)
                                                    .all());
                        });
    }

    private Mono<Void> insertRows(
            ContractRow contract, List<AssetService.NewAsset> assets, UUID[] ids, String[] tags) {
        int n = assets.size();
        String[] kinds = new String[n];
        String[] titles = new String[n];
        String[] serials = new String[n];
        String[] sensitivities = new String[n];
        String[] handling = new String[n];
        for (int i = 0; i < n; i++) {
            AssetService.NewAsset a = assets.get(i);
            kinds[i] = a.kind();
            titles[i] = a.title();
            serials[i] = a.serialNumber();
            sensitivities[i] = a.sensitivity();
            handling[i] = a.handlingRequirements();
        }
        return db.sql(
                        """
                INSERT INTO asset (id, tag, contract_id, kind, title, serial_number, sensitivity, handling_requirements,
                                   custody_state, holder_party_id)
                SELECT u.id, u.tag, :contract, u.kind, u.title, u.serial, u.sensitivity, u.handling, 'REGISTERED', :agency
                  FROM unnest(CAST(:ids AS uuid[]), CAST(:tags AS text[]), CAST(:kinds AS text[]), CAST(:titles AS text[]),
                              CAST(:serials AS text[]), CAST(:sensitivities AS text[]), CAST(:handling AS text[]))
                       AS u(id, tag, kind, title, serial, sensitivity, handling)""")
                .bind("contract", contract.id())
                .bind("agency", contract.agencyPartyId())
                .bind("ids", ids)
                .bind("tags", tags)
                .bind("kinds", kinds)
                .bind("titles", titles)
                .bind("serials", serials)
                .bind("sensitivities", sensitivities)
                .bind("handling", handling)
                .then();
    }
}
