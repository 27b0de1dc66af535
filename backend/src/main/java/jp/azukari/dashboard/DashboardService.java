package jp.azukari.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.platform.Access;
import jp.azukari.platform.AgencyTimeZone;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The manager's dashboard and its live changes, for the agency's MANAGERs and AUDITORs. */
public class DashboardService {

    static final Duration STALE_AFTER = Duration.ofDays(1);

    private final DashboardQuery query;
    private final ChangeFeed feed;
    private final Clock clock;
    private final AgencyTimeZone zone;
    private final java.util.function.IntSupplier dueSoonDays;
    private final Duration throttle;

    public DashboardService(
            DashboardQuery query,
            ChangeFeed feed,
            Clock clock,
            AgencyTimeZone zone,
            java.util.function.IntSupplier dueSoonDays,
            Duration throttle) {
        this.query = query;
        this.feed = feed;
        this.clock = clock;
        this.zone = zone;
        this.dueSoonDays = dueSoonDays;
        this.throttle = throttle;
    }

    public Mono<Dashboard> dashboard(Actor actor) {
        return allowed(actor)
                .then(
                        Mono.defer(
                                () ->
                                        query.read(
                                                zone.today(clock),
                                                zone.zone().getId(),
                                                dueSoonDays.getAsInt(),
                                                OffsetDateTime.now(clock.withZone(ZoneOffset.UTC))
                                                        .minus(STALE_AFTER))));
    }

    /**
     * What changed, for a page that re-reads the dashboard: at most one item per throttle interval,
     * the first at once and the last never dropped; the first item is {@link ChangeFeed#RESYNC}, so
     * a page that reconnects re-reads.
     */
    public Flux<String> changes(Actor actor) {
        return allowed(actor)
                .thenMany(
                        Flux.defer(
                                () ->
                                        feed.changes()
                                                .startWith(ChangeFeed.RESYNC)
                                                .transform(Throttle.atMostEvery(throttle))));
    }

    private static Mono<Void> allowed(Actor actor) {
        return Access.require(actor, "see the dashboard", Role.MANAGER, Role.AUDITOR);
    }
}
