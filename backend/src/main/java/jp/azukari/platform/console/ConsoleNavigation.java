package jp.azukari.platform.console;

import java.util.List;
import jp.azukari.common.Role;

/**
 * The console's navigation per role: a path and the message key of its label (bundle {@code
 * common}).
 */
public final class ConsoleNavigation {

    public record Item(String path, String label) {}

    private ConsoleNavigation() {}

    public static List<Item> of(Role role) {
        return switch (role) {
            case CLERK ->
                    List.of(
                            new Item("/assets", "nav.assets"),
                            new Item("/assets/new", "nav.assets.new"),
                            new Item("/assets/import", "nav.assets.import"),
                            new Item("/labels", "nav.labels"),
                            new Item("/transfers", "nav.transfers"),
                            new Item("/scan", "nav.scan"));
            case CUSTODIAN ->
                    List.of(
                            new Item("/custody", "nav.custody"),
                            new Item("/scan", "nav.scan"),
                            new Item("/approvals/new", "nav.approvals.new"),
                            new Item("/incidents/new", "nav.incidents.new"),
                            new Item("/instructions", "nav.instructions"),
                            new Item("/report-requests", "nav.reportRequests"),
                            new Item("/certifications", "nav.certifications"),
                            new Item("/devices", "nav.devices"));
            case MANAGER ->
                    List.of(
                            new Item("/dashboard", "nav.dashboard"),
                            new Item("/approvals", "nav.approvals"),
                            new Item("/contracts", "nav.contracts"),
                            new Item("/incidents", "nav.incidents"),
                            new Item("/overdue", "nav.overdue"),
                            new Item("/instructions", "nav.instructions"),
                            new Item("/report-requests", "nav.reportRequests"),
                            new Item("/certifications", "nav.certifications"),
                            new Item("/devices", "nav.devices"),
                            new Item("/assets", "nav.assets"),
                            new Item("/transfers", "nav.transfers"));
            case AUDITOR ->
                    List.of(
                            new Item("/assets", "nav.assets"),
                            new Item("/ledger/verify", "nav.ledger"),
                            new Item("/evidence", "nav.evidence"),
                            new Item("/audits", "nav.audits"),
                            new Item("/access-log", "nav.accessLog"),
                            new Item("/certifications", "nav.certifications"));
            case ADMIN -> List.of(new Item("/admin", "nav.admin"));
        };
    }
}
