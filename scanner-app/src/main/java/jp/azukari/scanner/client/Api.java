package jp.azukari.scanner.client;

import java.util.UUID;

/**
 * The calls the counter makes once logged in; the session behind it is the implementation's
 * business.
 */
public interface Api {

    ScanResult.Results postScans(ScanBatch batch) throws ApiException;

    Transfer transfer(UUID id) throws ApiException;

    Audit audit(UUID id) throws ApiException;

    /** Art. 2.2: the handling requirements of a transfer, shown before its receipt is confirmed. */
    Handling handling(UUID transferId) throws ApiException;

    Transfer createTransfer(NewTransfer transfer, UUID requestId) throws ApiException;

    ResolvedLabel resolve(String payload) throws ApiException;
}
