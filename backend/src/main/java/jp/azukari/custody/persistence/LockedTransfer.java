package jp.azukari.custody.persistence;

import java.util.List;

/**
 * A transfer and those of its lines a confirmation asked for, locked; {@code handlingDigest}: the
 * digest of the transfer's handling requirements (see {@link HandlingDigest}), read only when the
 * confirmation gave one.
 */
public record LockedTransfer(TransferRow transfer, List<LineRow> lines, String handlingDigest) {

    public LockedTransfer(TransferRow transfer, List<LineRow> lines) {
        this(transfer, lines, null);
    }
}
