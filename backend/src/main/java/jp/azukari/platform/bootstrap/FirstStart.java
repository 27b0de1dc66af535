package jp.azukari.platform.bootstrap;

import java.security.SecureRandom;
import java.util.UUID;
import jp.azukari.auth.PasswordPolicy;
import jp.azukari.common.PartyKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * On an empty database (no user at all) makes the agency party and the one administrator {@code
 * admin}, so a fresh installation can be signed into. The password is the configured one ({@code
 * AZUKARI_ADMIN_PASSWORD}) or a generated one, printed once in the log. There is no built-in
 * default.
 *
 * <p>Several instances may start together on one database: a transaction-scoped advisory lock lets
 * one of them do the work while the others wait and then find a user already there.
 */
public class FirstStart {

    public static final String ADMIN_USERNAME = "admin";

    /** "Azukari1" as a number: the advisory lock only first starts take. */
    private static final long LOCK_KEY = 0x417A_756B_6172_6931L;

    private static final String ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 24;
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    /** What a run did: nothing, or the ids it made. */
    public record Outcome(boolean created, UUID agencyPartyId, UUID adminUserId) {

        static final Outcome NOTHING = new Outcome(false, null, null);
    }

    private record Party(UUID id, String kind) {}

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final PasswordEncoder passwords;
    private final SecureRandom random;
    private final String agencyName;
    private final String configuredPassword;

    public FirstStart(
            DatabaseClient db,
            TransactionalOperator tx,
            PasswordEncoder passwords,
            SecureRandom random,
            String agencyName,
            String configuredPassword) {
        if (agencyName == null || agencyName.isBlank()) {
            throw new IllegalStateException(
                    "azukari.agency.name (AZUKARI_AGENCY_NAME) must not be blank");
        }
        boolean configured = configuredPassword != null && !configuredPassword.isEmpty();
        if (configured) {
            PasswordPolicy.violation(configuredPassword)
                    .ifPresent(
                            why -> {
                                throw new IllegalStateException(
                                        "AZUKARI_ADMIN_PASSWORD (azukari.bootstrap.admin-password) "
                                                + why);
                            });
        }
        this.db = db;
        this.tx = tx;
        this.passwords = passwords;
        this.random = random;
        this.agencyName = agencyName.strip();
        this.configuredPassword = configured ? configuredPassword : null;
    }

    public Mono<Outcome> run() {
        String password = configuredPassword != null ? configuredPassword : generatePassword();
        return db.sql("SELECT pg_advisory_xact_lock(:key)")
                .bind("key", LOCK_KEY)
                .map(row -> Boolean.TRUE)
                .one()
                .then(
                        db.sql("SELECT EXISTS (SELECT 1 FROM app_user) AS any")
                                .map(row -> row.get("any", Boolean.class))
                                .one())
                .flatMap(
                        anyUser ->
                                Boolean.TRUE.equals(anyUser)
                                        ? Mono.just(Outcome.NOTHING)
                                        : create(password))
                .as(tx::transactional)
                .doOnNext(outcome -> announce(outcome, password));
    }

    private Mono<Outcome> create(String password) {
        UUID adminId = UUID.randomUUID();
        return db.sql(
                        "INSERT INTO party (id, name, kind) VALUES (:id, :name, 'AGENCY') ON CONFLICT (name) DO NOTHING")
                .bind("id", UUID.randomUUID())
                .bind("name", agencyName)
                .then()
                .then(
                        db.sql("SELECT id, kind FROM party WHERE name = :name")
                                .bind("name", agencyName)
                                .map(
                                        row ->
                                                new Party(
                                                        row.get("id", UUID.class),
                                                        row.get("kind", String.class)))
                                .one())
                .flatMap(
                        party ->
                                PartyKind.AGENCY.name().equals(party.kind())
                                        ? Mono.just(party.id())
                                        : Mono.error(
                                                new IllegalStateException(
                                                        "The party named '"
                                                                + agencyName
                                                                + "' exists but is not an AGENCY; set AZUKARI_AGENCY_NAME to another name")))
                .flatMap(
                        partyId ->
                                Mono.fromCallable(() -> passwords.encode(password))
                                        .subscribeOn(Schedulers.boundedElastic())
                                        .flatMap(
                                                hash ->
                                                        db.sql(
                                                                        "INSERT INTO app_user (id, username, display_name, party_id, role, password_hash) "
                                                                                + "VALUES (:id, :username, :display, :party, 'ADMIN', :hash)")
                                                                .bind("id", adminId)
                                                                .bind("username", ADMIN_USERNAME)
                                                                .bind(
                                                                        "display",
                                                                        "管理者 (Administrator)")
                                                                .bind("party", partyId)
                                                                .bind("hash", hash)
                                                                .then())
                                        .thenReturn(new Outcome(true, partyId, adminId)));
    }

    private void announce(Outcome outcome, String password) {
        if (!outcome.created()) {
            return;
        }
        if (configuredPassword != null) {
            log.info(
                    "First start: created the agency party '{}' and the administrator '{}' with the password from "
                            + "AZUKARI_ADMIN_PASSWORD",
                    agencyName,
                    ADMIN_USERNAME);
            return;
        }
        log.warn(
                """

                ======================== AZUKARI FIRST START ========================
                  Created the agency party '{}' and its administrator:
                      username: {}
                      password: {}
                  This password is shown ONLY ONCE. Sign in and change it now.
                  (Set AZUKARI_ADMIN_PASSWORD before the first start to choose it.)
                =====================================================================""",
                agencyName,
                ADMIN_USERNAME,
                password);
    }

    private String generatePassword() {
        while (true) {
            StringBuilder sb = new StringBuilder(GENERATED_LENGTH);
            for (int i = 0; i < GENERATED_LENGTH; i++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (PasswordPolicy.violation(sb.toString()).isEmpty()) {
                return sb.toString();
            }
        }
    }
}
