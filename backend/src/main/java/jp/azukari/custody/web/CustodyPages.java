package jp.azukari.custody.web;

import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import jp.azukari.asset.AssetService;
import jp.azukari.asset.AssetView;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.custody.TransferService;
import jp.azukari.platform.Access;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.console.ConsolePage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * The contractor's custodian's home: transfers waiting for my confirmation (each to the scan
 * station), and what my party holds with its return dates, soonest first. Both through the services
 * the API uses, in my party's scope.
 */
@ConsolePage
class CustodyPages {

    private final TransferService transfers;
    private final AssetService assets;
    private final Clock clock;
    private final AgencyTimeZone zone;

    CustodyPages(TransferService transfers, AssetService assets, Clock clock, AgencyTimeZone zone) {
        this.transfers = transfers;
        this.assets = assets;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/custody")
    Mono<Rendering> custody(@AuthenticationPrincipal Actor actor) {
        // the party's open transfers, read once: incoming and outgoing are both among them
        var open = transfers.list(actor, null, "OPEN", null, 200, 0).collectList().cache();
        return Access.require(actor, "see a party's custody", Role.CUSTODIAN)
                .then(
                        Mono.zip(
                                open.map(
                                        list ->
                                                list.stream()
                                                        .filter(
                                                                t ->
                                                                        actor.partyId()
                                                                                .equals(
                                                                                        t
                                                                                                .toPartyId()))
                                                        .toList()),
                                open.map(
                                        list ->
                                                list.stream()
                                                        .filter(
                                                                t ->
                                                                        actor.partyId()
                                                                                .equals(
                                                                                        t
                                                                                                .fromPartyId()))
                                                        .toList()),
                                assets.list(
                                                actor,
                                                new AssetService.Filter(
                                                        null, null, actor.partyId(), null),
                                                5000,
                                                0)
                                        .sort(
                                                Comparator.comparing(
                                                                AssetView::dueOn,
                                                                Comparator.nullsLast(
                                                                        Comparator.naturalOrder()))
                                                        .thenComparing(AssetView::tag))
                                        .collectList()))
                .map(
                        t ->
                                Rendering.view("console/custody")
                                        .model(
                                                Map.of(
                                                        "incoming",
                                                        t.getT1(),
                                                        "outgoing",
                                                        t.getT2(),
                                                        "holdings",
                                                        t.getT3(),
                                                        "today",
                                                        zone.today(clock)))
                                        .build());
    }
}
