package jp.azukari.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.List;
import java.util.Map;

/** Example bodies of the main requests, as a newcomer would send them. */
final class Examples {

    private static final String ASSET = "0b8a3a52-4a64-4a8e-9d43-0c7a43a8d3e1";
    private static final String PARTY = "5f0c1c9e-2f7b-4f43-8f4e-5a3a0c9b7d21";
    private static final String APPROVAL = "9d7e6c5b-4a39-4281-b7f6-e5d4c3b2a190";

    private static final Map<String, Object> BY_OPERATION =
            Map.of(
                    "POST /api/v1/auth/token",
                            Map.of(
                                    "username",
                                    "demo-clerk",
                                    "password",
                                    "the password printed on first start"),
                    "POST /api/v1/auth/refresh",
                            Map.of(
                                    "refreshToken",
                                    "the refreshToken of the last sign-in or refresh"),
                    "POST /api/v1/contracts",
                            Map.of(
                                    "number",
                                    "R8-情報-001",
                                    "title",
                                    "統計調査業務",
                                    "contractorPartyId",
                                    PARTY,
                                    "startsOn",
                                    "2026-04-01",
                                    "endsOn",
                                    "2027-03-31"),
                    "POST /api/v1/contracts/{contractId}/assets",
                            Map.of(
                                    "assets",
                                    List.of(
                                            Map.of(
                                                    "kind",
                                                    "DOCUMENT",
                                                    "title",
                                                    "個人情報を含む調査票",
                                                    "sensitivity",
                                                    "PERSONAL_DATA",
                                                    "handlingRequirements",
                                                    "施錠保管"))),
                    "POST /api/v1/approvals",
                            Map.of(
                                    "contractId",
                                    "the contract's id",
                                    "kind",
                                    "PROVIDE_TO_SUBCONTRACTOR",
                                    "subcontractorPartyId",
                                    PARTY,
                                    "assetIds",
                                    List.of(ASSET),
                                    "validUntil",
                                    "2026-12-31",
                                    "reason",
                                    "データ入力の再委託"),
                    "POST /api/v1/transfers",
                            Map.of(
                                    "kind",
                                    "HANDOFF",
                                    "toPartyId",
                                    PARTY,
                                    "approvalId",
                                    APPROVAL,
                                    "assetIds",
                                    List.of(ASSET),
                                    "note",
                                    "入力センターへ"),
                    "POST /api/v1/transfers/{id}/confirm",
                            Map.of(
                                    "assetIds",
                                    List.of(ASSET),
                                    "deviceId",
                                    "counter-1",
                                    "location",
                                    "窓口"),
                    "POST /api/v1/scans",
                            Map.of(
                                    "deviceId",
                                    "counter-1",
                                    "scans",
                                    List.of(
                                            Map.of(
                                                    "purpose",
                                                    "CONFIRM",
                                                    "location",
                                                    "窓口",
                                                    "scanId",
                                                    "3e5b7a1c-0d2f-4e6a-8b9c-1d2e3f4a5b6c",
                                                    "payload",
                                                    "AZ1:K7Q2:A-2026-000123:MFRGGZDFMZTW",
                                                    "transferId",
                                                    "the transfer's id",
                                                    "scannedAt",
                                                    "2026-12-01T10:15:30Z"))));

    private Examples() {}

    static void add(String path, PathItem.HttpMethod method, Operation op) {
        Object example = BY_OPERATION.get(method + " " + path);
        if (example == null
                || op.getRequestBody() == null
                || op.getRequestBody().getContent() == null) {
            return;
        }
        MediaType json = op.getRequestBody().getContent().get("application/json");
        if (json != null) {
            json.setExample(example);
        }
    }
}
