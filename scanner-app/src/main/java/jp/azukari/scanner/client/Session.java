package jp.azukari.scanner.client;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;

/**
 * The API with the saved session: sends the access token, refreshes it silently when it has expired
 * or the server says it is no longer valid, saves the new tokens, and asks for a new login only
 * when refreshing is refused.
 */
public final class Session implements Api {

    private final HttpApi http;
    private final CredentialStore store;
    private final Clock clock;
    private Credentials current;

    public Session(HttpApi http, CredentialStore store, Clock clock) {
        this.http = http;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public ScanResult.Results postScans(ScanBatch batch) throws ApiException {
        return call(token -> http.postScans(token, batch));
    }

    @Override
    public Transfer transfer(UUID id) throws ApiException {
        return call(token -> http.transfer(token, id));
    }

    @Override
    public Audit audit(UUID id) throws ApiException {
        return call(token -> http.audit(token, id));
    }

    @Override
    public Transfer createTransfer(NewTransfer transfer, UUID requestId) throws ApiException {
        return call(token -> http.createTransfer(token, transfer, requestId));
    }

    @Override
    public ResolvedLabel resolve(String payload) throws ApiException {
        return call(token -> http.resolve(token, payload));
    }

    private <T> T call(Call<T> call) throws ApiException {
        Credentials credentials = current();
        if (credentials.accessExpired(clock)) {
            credentials = refresh(credentials);
        }
        try {
            return call.with(credentials.accessToken());
        } catch (ApiException.Refused refused) {
            if (refused.problem().status() != 401) {
                throw refused;
            }
        }
        try {
            return call.with(refresh(credentials).accessToken());
        } catch (ApiException.Refused refused) {
            if (refused.problem().status() == 401) {
                throw new ApiException.LoginRequired(
                        ApiException.LoginRequired.Why.SESSION_EXPIRED,
                        refused.problem().explanation());
            }
            throw refused;
        }
    }

    private Credentials refresh(Credentials credentials) throws ApiException {
        Tokens tokens;
        try {
            tokens = http.refresh(credentials.refreshToken());
        } catch (ApiException.Refused refused) {
            throw new ApiException.LoginRequired(
                    ApiException.LoginRequired.Why.SESSION_EXPIRED,
                    refused.problem().explanation());
        }
        current = credentials.refreshed(tokens, clock);
        try {
            store.save(current);
        } catch (IOException e) {
            // The old refresh token is spent: this run goes on with the new one in memory, the next
            // asks for a login.
        }
        return current;
    }

    private synchronized Credentials current() throws ApiException.LoginRequired {
        if (current == null) {
            current =
                    store.load()
                            .orElseThrow(
                                    () ->
                                            new ApiException.LoginRequired(
                                                    ApiException.LoginRequired.Why.NOT_LOGGED_IN,
                                                    "no saved session"));
        }
        return current;
    }

    @FunctionalInterface
    private interface Call<T> {
        T with(String accessToken) throws ApiException;
    }
}
