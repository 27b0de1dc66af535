package jp.azukari.platform.web;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import java.util.Map;
import java.util.UUID;
import jp.azukari.platform.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Every error of the API answers as an RFC 9457 problem ({@code application/problem+json}) whose
 * detail says precisely what was wrong with the request — and never what the database or the JVM
 * said about it.
 *
 * <p>Spring's own exceptions (415, 405, 404, …) keep their problem bodies from the base class; the
 * overrides below make request-body, validation and path errors precise, and the handlers for data
 * and unexpected errors keep SQL and stack traces in the log.
 */
@RestControllerAdvice
class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final long bodyLimit;

    ProblemExceptionHandler(
            @Value("${spring.http.codecs.max-in-memory-size:256KB}") DataSize bodyLimit) {
        this.bodyLimit = bodyLimit.toBytes();
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            ServerWebExchange exchange) {
        if (RequestProblems.causedBy(ex, DataBufferLimitException.class) != null) {
            return respond(ex, RequestProblems.tooLarge(bodyLimit), exchange);
        }
        return respond(ex, RequestProblems.unreadable(ex), exchange);
    }

    /**
     * WebFlux reports a body beyond {@code spring.http.codecs.max-in-memory-size} as a 413
     * ContentTooLargeException.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleResponseStatusException(
            ResponseStatusException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            ServerWebExchange exchange) {
        if (ex instanceof ContentTooLargeException
                || RequestProblems.causedBy(ex, DataBufferLimitException.class) != null) {
            return respond(ex, RequestProblems.tooLarge(bodyLimit), exchange);
        }
        return super.handleResponseStatusException(ex, headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            ServerWebExchange exchange) {
        return respond(ex, RequestProblems.invalidBody(ex), exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            ServerWebExchange exchange) {
        return respond(ex, RequestProblems.invalidParameters(ex), exchange);
    }

    /** The application's problems (domain types) answered here, at the edge, as RFC 9457. */
    @ExceptionHandler(ProblemException.class)
    Mono<ResponseEntity<Object>> applicationProblem(
            ProblemException ex, ServerWebExchange exchange) {
        HttpStatus status = ProblemAnswers.status(ex.kind());
        ProblemDetail p = ProblemAnswers.problem(status, ex.slug(), ex.title(), ex.detail());
        HttpHeaders headers = null;
        for (Map.Entry<String, Object> member : ex.properties().entrySet()) {
            if (ProblemException.RETRY_AFTER.equals(member.getKey())) {
                headers = retryAfter(((Number) member.getValue()).longValue());
            } else {
                p.setProperty(member.getKey(), member.getValue());
            }
        }
        return handleExceptionInternal(ex, p, headers, status, exchange);
    }

    /** A body beyond {@code spring.http.codecs.max-in-memory-size} when it surfaces unwrapped. */
    @ExceptionHandler(DataBufferLimitException.class)
    Mono<ResponseEntity<Object>> bodyTooLarge(
            DataBufferLimitException ex, ServerWebExchange exchange) {
        return respond(ex, RequestProblems.tooLarge(bodyLimit), exchange);
    }

    @ExceptionHandler({
        DataIntegrityViolationException.class,
        R2dbcDataIntegrityViolationException.class
    })
    Mono<ResponseEntity<Object>> dataConflict(Exception ex, ServerWebExchange exchange) {
        if (DatabaseFaults.isRefusedText(ex)) {
            return databaseRefused(ex, exchange);
        }
        // the database's message names tables and constraints: log it, do not answer with it
        log.info(
                "Data integrity conflict on {} {}: {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                ex.getMessage());
        String detail =
                ex instanceof DuplicateKeyException || isUniqueViolation(ex)
                        ? "A record with the same unique value already exists"
                        : "The request conflicts with data already stored";
        return respond(
                ex,
                ProblemAnswers.problem(HttpStatus.CONFLICT, "conflict", "Conflict", detail),
                exchange);
    }

    /**
     * NUL in text that reached the database some other way (a form or multipart field): its
     * statement failed, nothing kept.
     */
    @ExceptionHandler({
        org.springframework.dao.DataAccessException.class,
        io.r2dbc.spi.R2dbcException.class
    })
    Mono<ResponseEntity<Object>> databaseRefused(Exception ex, ServerWebExchange exchange) {
        return DatabaseFaults.isRefusedText(ex)
                ? respond(
                        ex,
                        RequestProblems.badRequest("A text field " + RefusedText.REASON),
                        exchange)
                : unexpected(ex, exchange);
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    Mono<ResponseEntity<Object>> databaseUnavailable(
            DataAccessResourceFailureException ex, ServerWebExchange exchange) {
        log.error(
                "Database unavailable on {} {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                ex);
        ProblemDetail p =
                ProblemAnswers.problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "unavailable",
                        "Service unavailable",
                        "The service cannot reach its database right now; try again shortly");
        return handleExceptionInternal(
                ex, p, retryAfter(5), HttpStatus.SERVICE_UNAVAILABLE, exchange);
    }

    /**
     * Method security and other code may throw these after the security filters; answer as the
     * filters would.
     */
    @ExceptionHandler(AccessDeniedException.class)
    Mono<ResponseEntity<Object>> accessDenied(
            AccessDeniedException ex, ServerWebExchange exchange) {
        ProblemDetail p =
                ProblemAnswers.problem(
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "Forbidden",
                        "Your role may not do this");
        p.setProperty("code", jp.azukari.platform.problem.Problems.ROLE_NOT_PERMITTED);
        return respond(ex, p, exchange);
    }

    @ExceptionHandler(AuthenticationException.class)
    Mono<ResponseEntity<Object>> unauthenticated(
            AuthenticationException ex, ServerWebExchange exchange) {
        HttpHeaders h = new HttpHeaders();
        h.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return handleExceptionInternal(
                ex,
                ProblemAnswers.problem(
                        HttpStatus.UNAUTHORIZED,
                        "unauthorized",
                        "Unauthorized",
                        "A valid access token is required (Authorization: Bearer …)"),
                h,
                HttpStatus.UNAUTHORIZED,
                exchange);
    }

    /**
     * The client went away before the answer could be written: nobody to answer, nothing went wrong
     * here.
     */
    @ExceptionHandler(reactor.netty.channel.AbortedException.class)
    Mono<ResponseEntity<Object>> clientGone(
            reactor.netty.channel.AbortedException ex, ServerWebExchange exchange) {
        log.debug(
                "Client closed the connection on {} {}: {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                ex.getMessage());
        return Mono.empty();
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<Object>> unexpected(Exception ex, ServerWebExchange exchange) {
        if (DatabaseFaults.isConnectionLoss(ex)) {
            return databaseUnavailable(
                    new DataAccessResourceFailureException("database connection lost", ex),
                    exchange);
        }
        String errorId = UUID.randomUUID().toString();
        log.error(
                "Unexpected error {} on {} {}",
                errorId,
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                ex);
        ProblemDetail p =
                ProblemAnswers.problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal-error",
                        "Internal error",
                        "An unexpected error occurred; it has been logged under id " + errorId);
        p.setProperty("errorId", errorId);
        return respond(ex, p, exchange);
    }

    private Mono<ResponseEntity<Object>> respond(
            Exception ex, ProblemDetail problem, ServerWebExchange exchange) {
        return handleExceptionInternal(
                ex, problem, null, HttpStatusCode.valueOf(problem.getStatus()), exchange);
    }

    private static HttpHeaders retryAfter(long seconds) {
        HttpHeaders h = new HttpHeaders();
        h.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return h;
    }

    private static boolean isUniqueViolation(Throwable ex) {
        R2dbcDataIntegrityViolationException r2dbc =
                RequestProblems.causedBy(ex, R2dbcDataIntegrityViolationException.class);
        return r2dbc != null && "23505".equals(r2dbc.getSqlState());
    }
}
