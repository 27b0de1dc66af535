package jp.azukari.custody;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.CustodyRefusedException.RefusedAsset;
import jp.azukari.custody.domain.ApprovalFacts;
import jp.azukari.custody.domain.ConfirmRequest;
import jp.azukari.custody.domain.Custody;
import jp.azukari.custody.domain.CustodyRules;
import jp.azukari.custody.domain.Decision;
import jp.azukari.custody.domain.HandlingAcknowledgement;
import jp.azukari.custody.domain.Refusal;
import jp.azukari.custody.domain.RefusalCode;
import jp.azukari.custody.persistence.LineRow;
import jp.azukari.custody.persistence.LockedTransfer;
import jp.azukari.custody.persistence.TransferRow;

/**
 * What the rules made of each line a confirmation asked for, and where the allowed ones' assets
 * stand after it.
 */
record LineDecisions(
        TransferRow transfer,
        List<LineRow> allowed,
        List<RefusedAsset> refused,
        Refusal first,
        Custody after) {

    /** Decides each requested line by the rules; pure. */
    static LineDecisions decide(
            Actor actor,
            LockedTransfer locked,
            Set<UUID> ids,
            LocalDate today,
            ApprovalFacts approval,
            TrainingGate.Status trained,
            HandlingAcknowledgement handling) {
        TransferRow t = locked.transfer();
        List<LineRow> allowed = new ArrayList<>();
        List<RefusedAsset> refused = new ArrayList<>();
        Refusal first = null;
        Map<UUID, LineRow> byAsset = new HashMap<>();
        locked.lines().forEach(l -> byAsset.put(l.assetId(), l));
        for (UUID id : ids) {
            LineRow line = byAsset.get(id);
            Refusal r;
            if (line == null) {
                r = Refusal.of(RefusalCode.NOT_ON_TRANSFER);
            } else {
                Decision d =
                        CustodyRules.confirm(
                                new ConfirmRequest(
                                        t.kind(),
                                        actor,
                                        t.status(),
                                        t.toPartyId(),
                                        line.status(),
                                        approval,
                                        today,
                                        trained.required(),
                                        trained.current()));
                r =
                        d instanceof Decision.Refused refusedDecision
                                ? refusedDecision.refusal()
                                // art. 2.2: what the rules allow still needs its handling
                                // requirements acknowledged
                                : handling.check(line.handling(), locked.handlingDigest())
                                        .orElse(null);
            }
            if (r != null) {
                first = first == null ? r : first;
                refused.add(RefusedAsset.of(id, line == null ? null : line.tag(), r));
            } else {
                allowed.add(line);
            }
        }
        Custody after =
                CustodyRules.afterConfirmation(t.kind(), t.contract(), approval, t.toPartyId());
        return new LineDecisions(t, allowed, refused, first, after);
    }
}
