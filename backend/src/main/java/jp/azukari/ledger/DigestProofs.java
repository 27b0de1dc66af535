package jp.azukari.ledger;

import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import jp.azukari.core.ledger.ChainHead;
import jp.azukari.core.ledger.MerkleTree;
import jp.azukari.platform.problem.Problems;
import reactor.core.publisher.Mono;

/**
 * One asset's inclusion proof in a digest: its head as the digest saw it and the RFC 6962 audit
 * path to the root (docs/ledger.md).
 */
final class DigestProofs {

    private final DigestService digests;

    DigestProofs(DigestService digests) {
        this.digests = digests;
    }

    Mono<DigestService.Proof> proof(UUID digestId, UUID assetId) {
        return digests.stored(digestId)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Digest " + digestId)))
                .flatMap(
                        d ->
                                digests.leaves(digestId)
                                        .flatMap(
                                                leaves -> {
                                                    int i = leaves.indexOf(assetId);
                                                    if (i < 0) {
                                                        return Mono.error(
                                                                Problems.notFound(
                                                                        "Asset "
                                                                                + assetId
                                                                                + " in digest "
                                                                                + digestId));
                                                    }
                                                    ChainHead h = leaves.get(i);
                                                    HexFormat hex = HexFormat.of();
                                                    List<String> path =
                                                            MerkleTree.auditPath(
                                                                            leaves.leafHashes(), i)
                                                                    .stream()
                                                                    .map(hex::formatHex)
                                                                    .toList();
                                                    return Mono.just(
                                                            new DigestService.Proof(
                                                                    d.fields(),
                                                                    assetId,
                                                                    h.seq(),
                                                                    hex.formatHex(h.hash()),
                                                                    i,
                                                                    leaves.count(),
                                                                    hex.formatHex(h.leafHash()),
                                                                    path));
                                                }));
    }
}
