package jp.azukari.custody;

import java.util.List;
import java.util.UUID;
import jp.azukari.custody.domain.Refusal;
import jp.azukari.custody.domain.RefusalCode;
import jp.azukari.platform.problem.ProblemException;
import jp.azukari.platform.problem.ProblemKind;

/**
 * A custody action the rules refused. Answers as an RFC 9457 problem with {@code code}, {@code
 * article} and one entry per refused asset; the refusal has already been written to the ledger when
 * this is thrown.
 */
public class CustodyRefusedException extends ProblemException {

    public record RefusedAsset(
            UUID assetId, String tag, String code, String article, String detail) {

        public static RefusedAsset of(UUID assetId, String tag, Refusal r) {
            return new RefusedAsset(assetId, tag, r.code().name(), r.article(), r.detail());
        }
    }

    private final Refusal first;
    private final List<RefusedAsset> refused;

    public CustodyRefusedException(Refusal first, List<RefusedAsset> refused) {
        super(
                kind(first.code()),
                "custody-refused",
                "Custody action refused: " + first.code().name(),
                first.detail());
        this.first = first;
        this.refused = List.copyOf(refused);
        with("code", first.code().name());
        with("article", first.article());
        with("refusals", this.refused);
    }

    /**
     * A refusal answered with a problem type of its own rather than {@code custody-refused} (those
     * refusals name no asset): the same {@code code} and {@code article}, with the given slug and
     * title.
     */
    public static ProblemException answer(String slug, String title, Refusal refusal) {
        return new ProblemException(kind(refusal.code()), slug, title, refusal.detail())
                .with("code", refusal.code().name())
                .with("article", refusal.article());
    }

    static ProblemKind kind(RefusalCode code) {
        return switch (code.grounds()) {
            case NOT_ALLOWED -> ProblemKind.FORBIDDEN;
            case NOT_NOW -> ProblemKind.CONFLICT;
            case DOES_NOT_FIT -> ProblemKind.UNPROCESSABLE_CONTENT;
        };
    }

    public Refusal first() {
        return first;
    }

    public List<RefusedAsset> refused() {
        return refused;
    }
}
