package jp.azukari.platform.web;

import java.util.Arrays;
import java.util.List;

/**
 * The API's feature tags in the order a newcomer needs them, each with the path prefixes it covers:
 * one table, one row a feature ({@code name | description | prefixes}); a path takes the feature of
 * its longest matching prefix.
 */
final class ApiFeatures {

    record Feature(String name, String description, List<String> prefixes) {}

    private static final String TABLE =
            """
            Sign-in | Access and refresh tokens: sign in, refresh, sign out | /api/v1/auth
            Users | Accounts, roles and training records | /api/v1/users
            Parties | The agency, contractors and subcontractors | /api/v1/parties
            Contracts | Contracts between the agency and a contractor | /api/v1/contracts
            Assets | What the agency lends: registration, lookup, history \
            | /api/v1/contracts/{contractId}/assets /api/v1/assets
            Labels | QR labels: PNG, SVG, PDF sheets, resolving a scanned payload, label keys \
            | /api/v1/labels /api/v1/assets/{id}/label /api/v1/contracts/{id}/labels.pdf
            Approvals | Prior approvals of the agency (art. 2.3, 4, 6) | /api/v1/approvals
            Transfers | Handing assets over: open, confirm, cancel, close with missing lines (SPEC §4) \
            | /api/v1/transfers
            Scans | Batches of label scans from a counter device | /api/v1/scans
            Copies and take-outs | Approved copies and taking an asset off the premises (art. 2.3) \
            | /api/v1/assets/{id}/copies /api/v1/assets/{id}/take-outs /api/v1/take-outs
            Disposal | Certified disposal instead of return (art. 6) \
            | /api/v1/assets/{id}/disposal /api/v1/disposals
            Incidents | Losses, suspected leaks and the agency's instructions (art. 8) | /api/v1/incidents
            Reports | Overdue returns and the compliance report \
            | /api/v1/reports /api/v1/contracts/{id}/report
            Reminders | Daily reminders of what is due | /api/v1/reminders
            Ledger | The tamper-evident ledger and its verification | /api/v1/ledger
            Settings | Agency-wide settings | /api/v1/settings
            """;

    static final List<Feature> ALL =
            TABLE.lines()
                    .map(line -> line.split(" \\| "))
                    .map(
                            row ->
                                    new Feature(
                                            row[0].strip(),
                                            row[1].strip(),
                                            Arrays.asList(row[2].strip().split(" +"))))
                    .toList();

    private ApiFeatures() {}

    /** The feature a path belongs to; a feature added since is named after its first segment. */
    static String of(String path) {
        Feature best = null;
        int length = -1;
        for (Feature f : ALL) {
            for (String prefix : f.prefixes()) {
                if ((path.equals(prefix)
                                || path.startsWith(prefix + "/")
                                || path.startsWith(prefix + "."))
                        && prefix.length() > length) {
                    best = f;
                    length = prefix.length();
                }
            }
        }
        if (best != null) {
            return best.name();
        }
        String[] parts = path.replaceFirst("^/api/v1/", "").split("/");
        String first = parts[0].isEmpty() ? "API" : parts[0];
        return Character.toUpperCase(first.charAt(0)) + first.substring(1).replace('-', ' ');
    }
}
