package jp.azukari.custody.persistence;

import java.util.List;

/** A transfer and those of its lines a confirmation asked for, locked. */
public record LockedTransfer(TransferRow transfer, List<LineRow> lines) {
}
