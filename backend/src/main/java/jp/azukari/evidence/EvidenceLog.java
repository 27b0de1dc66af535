package jp.azukari.evidence;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Writes evidence of refused attempts that touch no asset's chain (table {@code evidence},
 * append-only): who, when, from which device, at which endpoint, and what they presented. Written
 * outside the request's own transaction, so it stays whatever the request does next.
 */
public class EvidenceLog {

    /** Longest presented text kept; a longer one is cut (and says so). */
    static final int PRESENTED_MAX = 300;

    public enum Kind {
        LABEL_FORGED,
        LABEL_FOREIGN,
        LABEL_MALFORMED,
        SELF_APPROVAL
    }

    /** One attempt to record. */
    public record Entry(
            Kind kind,
            String endpoint,
            String deviceId,
            String presented,
            UUID subjectId,
            String article,
            String detail) {}

    private final DatabaseClient db;
    private final Clock clock;

    public EvidenceLog(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Mono<Void> record(Actor actor, Entry entry) {
        return record(actor, List.of(entry));
    }

    /** Records every entry in one statement. */
    public Mono<Void> record(Actor actor, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        int n = entries.size();
        String[] kinds = new String[n];
        String[] endpoints = new String[n];
        String[] devices = new String[n];
        String[] presented = new String[n];
        UUID[] subjects = new UUID[n];
        String[] articles = new String[n];
        String[] details = new String[n];
        UUID[] ids = new UUID[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            ids[i] = UUID.randomUUID();
            kinds[i] = e.kind().name();
            endpoints[i] = e.endpoint();
            devices[i] = cut(e.deviceId(), 100);
            presented[i] = cut(e.presented(), PRESENTED_MAX);
            subjects[i] = e.subjectId();
            articles[i] = e.article();
            details[i] = cut(e.detail(), 500);
        }
        return db.sql(
                        """
                        INSERT INTO evidence (id, occurred_at, kind, user_id, username, device_id, endpoint, presented,
                                              subject_id, article, detail)
                        SELECT id, :at, kind, :user, :username, device, endpoint, presented, subject, article, detail
                          FROM unnest(CAST(:ids AS uuid[]), CAST(:kinds AS text[]), CAST(:devices AS text[]),
                                      CAST(:endpoints AS text[]), CAST(:presented AS text[]), CAST(:subjects AS uuid[]),
                                      CAST(:articles AS text[]), CAST(:details AS text[]))
                               AS e(id, kind, device, endpoint, presented, subject, article, detail)""")
                .bind("at", now)
                .bind("user", actor.userId())
                .bind("username", actor.username())
                .bind("ids", ids)
                .bind("kinds", kinds)
                .bind("devices", devices)
                .bind("endpoints", endpoints)
                .bind("presented", presented)
                .bind("subjects", subjects)
                .bind("articles", articles)
                .bind("details", details)
                .then();
    }

    /**
     * Text the database can keep: at most {@code max} characters, NUL shown as U+FFFD (a scanner
     * may send anything).
     */
    static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        String clean = s.replace('\u0000', '\uFFFD');
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }
}
