package jp.azukari.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.platform.Access;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The overdue report for MANAGERs and AUDITORs; a CUSTODIAN gets the same report limited to what
 * its own party holds. "As of" defaults to today in the agency's time zone.
 */
public class OverdueReportService {

    public static final List<String> CSV_HEADER =
            List.of(
                    "contract_number",
                    "contract_title",
                    "holder",
                    "holder_kind",
                    "tag",
                    "title",
                    "kind",
                    "sensitivity",
                    "custody_state",
                    "due_on",
                    "days_overdue",
                    "open_transfer");

    private final OverdueQuery query;
    private final Clock clock;
    private final AgencyTimeZone zone;

    public OverdueReportService(OverdueQuery query, Clock clock, AgencyTimeZone zone) {
        this.query = query;
        this.clock = clock;
        this.zone = zone;
    }

    public record Request(LocalDate asOf, UUID contractId, UUID holderPartyId) {}

    public Mono<OverdueReport> page(Actor actor, Request req, int limit, long offset) {
        return filter(actor, req)
                .flatMap(
                        f ->
                                query.page(f, limit, offset)
                                        .map(
                                                page ->
                                                        OverdueReport.of(
                                                                f.asOf(),
                                                                zone.zone().getId(),
                                                                limit,
                                                                offset,
                                                                page)));
    }

    /** The caller's report as CSV; errors (role, scope) surface before the response starts. */
    public Mono<Flux<DataBuffer>> csv(Actor actor, Request req, DataBufferFactory buffers) {
        return filter(actor, req)
                .map(
                        f ->
                                Csv.stream(
                                        buffers,
                                        CSV_HEADER,
                                        query.all(f),
                                        OverdueReportService::cells));
    }

    public LocalDate asOf(Request req) {
        return req.asOf() != null ? req.asOf() : zone.today(clock);
    }

    private Mono<OverdueQuery.Filter> filter(Actor actor, Request req) {
        LocalDate asOf = asOf(req);
        if (actor.is(Role.CUSTODIAN)) {
            if (req.holderPartyId() != null && !req.holderPartyId().equals(actor.partyId())) {
                return Mono.error(
                        jp.azukari.platform.problem.Problems.forbidden(
                                "A CUSTODIAN sees only what its own party holds"));
            }
            return Mono.just(new OverdueQuery.Filter(asOf, req.contractId(), actor.partyId()));
        }
        return Access.require(
                        actor,
                        "read the overdue report",
                        Role.MANAGER,
                        Role.AUDITOR,
                        Role.CUSTODIAN)
                .thenReturn(new OverdueQuery.Filter(asOf, req.contractId(), req.holderPartyId()));
    }

    private static List<?> cells(OverdueQuery.Row r) {
        return java.util.Arrays.asList(
                r.contractNumber(),
                r.contractTitle(),
                r.holderName(),
                r.holderKind(),
                r.tag(),
                r.title(),
                r.kind(),
                r.sensitivity(),
                r.custodyState(),
                Csv.plain(r.dueOn()),
                Csv.plain(r.daysOverdue()),
                r.openTransferKind());
    }
}
