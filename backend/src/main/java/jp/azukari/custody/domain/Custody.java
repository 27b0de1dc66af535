package jp.azukari.custody.domain;

import java.time.LocalDate;
import java.util.UUID;

/** Who holds an asset, in which state, and until when it may stay there. */
public record Custody(CustodyState state, UUID holderPartyId, LocalDate dueOn) {}
