package jp.azukari.report;

import java.util.List;
import java.util.UUID;
import jp.azukari.certification.CertificationService;
import jp.azukari.common.Actor;
import jp.azukari.device.DeviceService;
import jp.azukari.incident.IncidentService;
import jp.azukari.instruction.IncidentAcknowledgements;
import jp.azukari.instruction.InstructionService;
import jp.azukari.publication.PublicationService;
import jp.azukari.reportrequest.ReportRequestService;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The provisions part of a contract's compliance report (art. 2.1, 2.2, 5, 8, 9, 10, 11), for a
 * caller the report already let in (MANAGER or AUDITOR). JSON: {@link ProvisionsSection}; CSV: one
 * line per item, article first.
 */
public class ProvisionsReportService {

    /**
     * What a confirmation's ledger note says when the receiver acknowledged the handling
     * requirements (art. 2.2).
     */
    public static final String HANDLING_NOTE = "handling acknowledged";

    public static final String HANDLING_REFUSAL = "HANDLING_NOT_ACKNOWLEDGED";

    public static final List<String> CSV_HEADER = ProvisionsCsv.HEADER;

    private final ProvisionsQueries queries;
    private final DeviceService devices;
    private final ReportRequestService requests;
    private final IncidentService incidents;
    private final IncidentAcknowledgements timings;
    private final CertificationService certifications;
    private final PublicationService publications;
    private final InstructionService instructions;

    public ProvisionsReportService(
            DatabaseClient db,
            DeviceService devices,
            ReportRequestService requests,
            IncidentService incidents,
            IncidentAcknowledgements timings,
            CertificationService certifications,
            PublicationService publications,
            InstructionService instructions) {
        this.queries = new ProvisionsQueries(db);
        this.devices = devices;
        this.requests = requests;
        this.incidents = incidents;
        this.timings = timings;
        this.certifications = certifications;
        this.publications = publications;
        this.instructions = instructions;
    }

    public Mono<ProvisionsSection> section(Actor actor, UUID contractId) {
        var full =
                incidents
                        .list(actor, contractId, null, 1000, 0)
                        .concatMap(i -> incidents.find(actor, i.id()))
                        .collectList();
        return Mono.zip(
                        queries.accessLog(contractId),
                        queries.handling(contractId),
                        devices.list(actor, contractId, false).collectList(),
                        requests.list(actor, contractId, null)
                                .concatMap(r -> requests.find(actor, r.id()))
                                .collectList(),
                        full,
                        certifications.ofContract(contractId).collectList(),
                        instructions.list(actor, contractId, false, false).collectList())
                .flatMap(
                        t ->
                                Flux.fromIterable(t.getT5())
                                        .concatMap(timings::timing)
                                        .collectList()
                                        .zipWith(
                                                Flux.fromIterable(t.getT5())
                                                        .concatMap(publications::of)
                                                        .collectList())
                                        .map(
                                                tp ->
                                                        ProvisionsAssembly.of(
                                                                t.getT1(),
                                                                t.getT2(),
                                                                t.getT3(),
                                                                t.getT4(),
                                                                tp.getT1(),
                                                                t.getT6(),
                                                                tp.getT2(),
                                                                t.getT7())));
    }

    /**
     * The section as CSV lines: one per reader, acknowledgement, device, request, instruction,
     * certification, publication.
     */
    public static List<List<?>> lines(ProvisionsSection s) {
        return ProvisionsCsv.lines(s);
    }
}
