package jp.azukari.custody.domain;

import java.util.UUID;

/** What the custody rules need to know about one asset at the moment of the decision. */
public record AssetFacts(
        UUID id, UUID contractId, CustodyState state, UUID holderPartyId, boolean inOpenTransfer) {}
