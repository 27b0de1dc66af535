package jp.azukari.custody;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jp.azukari.custody.domain.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A custody action the rules refused. Answers as an RFC 9457 problem with {@code code}, {@code article} and one
 * entry per refused asset; the refusal has already been written to the ledger when this is thrown.
 */
public class CustodyRefusedException extends ErrorResponseException {

    public record RefusedAsset(UUID assetId, String tag, String code, String article, String detail) {

        public static RefusedAsset of(UUID assetId, String tag, Refusal r) {
            return new RefusedAsset(assetId, tag, r.code().name(), r.article(), r.detail());
        }
    }

    private final Refusal first;
    private final List<RefusedAsset> refused;

    public CustodyRefusedException(Refusal first, List<RefusedAsset> refused) {
        super(HttpStatus.valueOf(first.code().httpStatus()), problem(first, refused), null);
        this.first = first;
        this.refused = List.copyOf(refused);
    }

    private static ProblemDetail problem(Refusal first, List<RefusedAsset> refused) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(first.code().httpStatus()), first.detail());
        p.setType(URI.create("https://azukari.jp/problems/custody-refused"));
        p.setTitle("Custody action refused: " + first.code().name());
        p.setProperty("code", first.code().name());
        if (first.article() != null) {
            p.setProperty("article", first.article());
        }
        p.setProperty("refusals", refused);
        return p;
    }

    public Refusal first() {
        return first;
    }

    public List<RefusedAsset> refused() {
        return refused;
    }
}
