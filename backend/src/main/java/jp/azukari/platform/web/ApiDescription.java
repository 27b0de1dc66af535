package jp.azukari.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /api/v1/openapi}: the product's title, tags named for the
 * features in the order a newcomer meets them, the bearer scheme on every secured operation, the
 * problem-details schema on every error answer, and examples for the main requests. Applied to
 * every operation by one customizer, so a new controller is described the same way without
 * annotations of its own.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** Operations anyone may call (SecurityConfiguration permits them). */
    static final Set<String> PUBLIC =
            Set.of("/api/v1/auth/token", "/api/v1/auth/refresh", "/api/v1/auth/logout");

    /** Feature tags in the order a newcomer needs them, with the path prefixes they cover. */
    record Feature(String name, String description, List<String> prefixes) {}

    static final List<Feature> FEATURES =
            List.of(
                    new Feature(
                            "Sign-in",
                            "Access and refresh tokens: sign in, refresh, sign out",
                            List.of("/api/v1/auth")),
                    new Feature(
                            "Users",
                            "Accounts, roles and training records",
                            List.of("/api/v1/users")),
                    new Feature(
                            "Parties",
                            "The agency, contractors and subcontractors",
                            List.of("/api/v1/parties")),
                    new Feature(
                            "Contracts",
                            "Contracts between the agency and a contractor",
                            List.of("/api/v1/contracts")),
                    new Feature(
                            "Assets",
                            "What the agency lends: registration, lookup, history",
                            List.of("/api/v1/contracts/{contractId}/assets", "/api/v1/assets")),
                    new Feature(
                            "Labels",
                            "QR labels: PNG, SVG, PDF sheets, resolving a scanned payload, label keys",
                            List.of(
                                    "/api/v1/labels",
                                    "/api/v1/assets/{id}/label",
                                    "/api/v1/contracts/{id}/labels.pdf")),
                    new Feature(
                            "Approvals",
                            "Prior approvals of the agency (art. 2.3, 4, 6)",
                            List.of("/api/v1/approvals")),
                    new Feature(
                            "Transfers",
                            "Handing assets over: open, confirm, cancel, close with missing lines (SPEC §4)",
                            List.of("/api/v1/transfers")),
                    new Feature(
                            "Scans",
                            "Batches of label scans from a counter device",
                            List.of("/api/v1/scans")),
                    new Feature(
                            "Copies and take-outs",
                            "Approved copies and taking an asset off the premises (art. 2.3)",
                            List.of(
                                    "/api/v1/assets/{id}/copies",
                                    "/api/v1/assets/{id}/take-outs",
                                    "/api/v1/take-outs")),
                    new Feature(
                            "Disposal",
                            "Certified disposal instead of return (art. 6)",
                            List.of("/api/v1/assets/{id}/disposal", "/api/v1/disposals")),
                    new Feature(
                            "Incidents",
                            "Losses, suspected leaks and the agency's instructions (art. 8)",
                            List.of("/api/v1/incidents")),
                    new Feature(
                            "Reports",
                            "Overdue returns and the compliance report",
                            List.of("/api/v1/reports", "/api/v1/contracts/{id}/report")),
                    new Feature(
                            "Reminders",
                            "Daily reminders of what is due",
                            List.of("/api/v1/reminders")),
                    new Feature(
                            "Ledger",
                            "The tamper-evident ledger and its verification",
                            List.of("/api/v1/ledger")),
                    new Feature("Settings", "Agency-wide settings", List.of("/api/v1/settings")));

    @Bean
    OpenAPI azukariOpenApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Azukari API")
                                .version("v1")
                                .description(
                                        """
                                Azukari (預かり) is the system of record for what an agency lends to a contractor under the \
                                Special Provisions on Information Security: what was provided, who holds it now, every approved \
                                handoff, its return or certified disposal, each proven by scanning QR labels, with a \
                                tamper-evident ledger. Sign in with POST /api/v1/auth/token and send the access token as \
                                `Authorization: Bearer …`. Every error answers as an RFC 9457 problem; a refusal by a rule \
                                carries its `code` and, where one applies, the `article` it enforces.""")
                                .license(new License().name("Proprietary")))
                .components(
                        new Components()
                                .addSecuritySchemes(
                                        BEARER,
                                        new SecurityScheme()
                                                .type(SecurityScheme.Type.HTTP)
                                                .scheme("bearer")
                                                .bearerFormat("JWT")
                                                .description(
                                                        "The accessToken of POST /api/v1/auth/token"))
                                .addSchemas(PROBLEM, problemSchema()));
    }

    @Bean
    OpenApiCustomizer azukariOperations() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            Map<String, Tag> used = new LinkedHashMap<>();
            FEATURES.forEach(
                    f -> used.put(f.name(), new Tag().name(f.name()).description(f.description())));
            Set<String> seen = new java.util.HashSet<>();
            openApi.getPaths()
                    .forEach(
                            (path, item) ->
                                    item.readOperationsMap()
                                            .forEach(
                                                    (method, op) -> {
                                                        String feature = featureOf(path);
                                                        seen.add(feature);
                                                        used.computeIfAbsent(
                                                                feature, f -> new Tag().name(f));
                                                        op.setTags(
                                                                new ArrayList<>(List.of(feature)));
                                                        boolean secured =
                                                                path.startsWith("/api/")
                                                                        && !PUBLIC.contains(path);
                                                        op.setSecurity(
                                                                secured
                                                                        ? List.of(
                                                                                new SecurityRequirement()
                                                                                        .addList(
                                                                                                BEARER))
                                                                        : List.of());
                                                        describeErrors(path, method, op, secured);
                                                        Examples.add(path, method, op);
                                                    }));
            openApi.setTags(
                    used.values().stream().filter(t -> seen.contains(t.getName())).toList());
        };
    }

    static String featureOf(String path) {
        Feature best = null;
        int length = -1;
        for (Feature f : FEATURES) {
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
        // a feature added since: named after its first path segment
        String[] parts = path.replaceFirst("^/api/v1/", "").split("/");
        String first = parts[0].isEmpty() ? "API" : parts[0];
        return Character.toUpperCase(first.charAt(0)) + first.substring(1).replace('-', ' ');
    }

    private static void describeErrors(
            String path, PathItem.HttpMethod method, Operation op, boolean secured) {
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put(
                "400", "The request is malformed or a field is invalid (errors lists the fields)");
        if (secured) {
            errors.put("401", "No valid access token");
            errors.put(
                    "403",
                    "The caller may not do this; a rule's refusal names its code and article");
        } else {
            errors.put("401", "The credentials or the refresh token are not valid");
        }
        if (path.contains("{")) {
            errors.put("404", "Nothing with this id that the caller may see");
        }
        if (method != PathItem.HttpMethod.GET) {
            errors.put(
                    "409",
                    "The current state does not allow it; a rule's refusal names its code and article");
        }
        errors.forEach(
                (status, text) ->
                        responses.putIfAbsent(status, new ApiResponse().description(text)));
        responses.forEach(
                (status, response) -> {
                    if (status.startsWith("4")) {
                        if (response.getDescription() == null
                                || response.getDescription().isBlank()) {
                            response.setDescription("A problem (RFC 9457)");
                        }
                        response.setContent(
                                new Content()
                                        .addMediaType(
                                                PROBLEM_JSON,
                                                new MediaType()
                                                        .schema(
                                                                new Schema<>()
                                                                        .$ref(
                                                                                "#/components/schemas/"
                                                                                        + PROBLEM))));
                    }
                });
        op.setResponses(responses);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> problemSchema() {
        Schema refused =
                new ObjectSchema()
                        .addProperty("assetId", new StringSchema().format("uuid"))
                        .addProperty("tag", new StringSchema())
                        .addProperty("code", new StringSchema())
                        .addProperty("article", new StringSchema())
                        .addProperty("detail", new StringSchema());
        Schema error =
                new ObjectSchema()
                        .addProperty("field", new StringSchema())
                        .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description(
                        "An RFC 9457 problem. A refusal by a custody rule adds code, article and the refused assets.")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri")
                                .example("https://azukari.jp/problems/custody-refused"))
                .addProperty(
                        "title",
                        new StringSchema().example("Custody action refused: APPROVAL_REQUIRED"))
                .addProperty(
                        "status", new io.swagger.v3.oas.models.media.IntegerSchema().example(403))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty(
                        "code",
                        new StringSchema()
                                .description("The rule that refused (RefusalCode), when one did")
                                .example("APPROVAL_REQUIRED"))
                .addProperty(
                        "article",
                        new StringSchema()
                                .description("The article of the Special Provisions it enforces")
                                .example("4"))
                .addProperty(
                        "errors", new ArraySchema().items(error).description("The invalid fields"))
                .addProperty(
                        "refusals",
                        new ArraySchema()
                                .items(refused)
                                .description("One entry per refused asset"));
    }
}
