package jp.azukari.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error answers of the OpenAPI description: which 4xx answers an operation can give, each
 * described by the RFC 9457 problem schema (with {@code code} and {@code article}).
 */
final class ErrorAnswers {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    private ErrorAnswers() {}

    static void describe(String path, PathItem.HttpMethod method, Operation op, boolean secured) {
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
                .addProperty("status", new IntegerSchema().example(403))
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
