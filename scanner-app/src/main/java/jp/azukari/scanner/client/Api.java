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

    Transfer createTransfer(NewTransfer transfer, UUID requestId) throws ApiException;

    ResolvedLabel resolve(String payload) throws ApiException;
}
