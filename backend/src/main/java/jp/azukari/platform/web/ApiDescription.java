package jp.azukari.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
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
    static final String PROBLEM = ErrorAnswers.PROBLEM;
    static final String PROBLEM_JSON = ErrorAnswers.PROBLEM_JSON;

    /** Operations anyone may call (SecurityConfiguration permits them). */
    static final Set<String> PUBLIC =
            Set.of("/api/v1/auth/token", "/api/v1/auth/refresh", "/api/v1/auth/logout");

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
                                .addSchemas(PROBLEM, ErrorAnswers.problemSchema()));
    }

    @Bean
    OpenApiCustomizer azukariOperations() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, ErrorAnswers.problemSchema());
            Map<String, Tag> used = new LinkedHashMap<>();
            ApiFeatures.ALL.forEach(
                    f -> used.put(f.name(), new Tag().name(f.name()).description(f.description())));
            Set<String> seen = new java.util.HashSet<>();
            openApi.getPaths()
                    .forEach(
                            (path, item) ->
                                    item.readOperationsMap()
                                            .forEach(
                                                    (method, op) -> {
                                                        String feature = ApiFeatures.of(path);
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
                                                        ErrorAnswers.describe(
                                                                path, method, op, secured);
                                                        Examples.add(path, method, op);
                                                    }));
            openApi.setTags(
                    used.values().stream().filter(t -> seen.contains(t.getName())).toList());
        };
    }
}
