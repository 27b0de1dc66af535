package jp.azukari.custody.persistence;

import java.util.UUID;
import jp.azukari.custody.domain.AssetFacts;
import jp.azukari.custody.domain.CustodyState;

/** An asset a transfer is opened for, as its row reads. */
public record AssetRow(
        UUID id,
        String tag,
        UUID contractId,
        CustodyState state,
        UUID holderPartyId,
        boolean inOpenTransfer) {

    public AssetFacts facts() {
        return new AssetFacts(id, contractId, state, holderPartyId, inOpenTransfer);
    }
}
