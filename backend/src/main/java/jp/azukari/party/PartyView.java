package jp.azukari.party;

import java.time.Instant;
import java.util.UUID;
import jp.azukari.common.PartyKind;

/** A party as the API shows it. */
public record PartyView(UUID id, String name, PartyKind kind, Instant createdAt) {}
