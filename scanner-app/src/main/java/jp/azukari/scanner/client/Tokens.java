package jp.azukari.scanner.client;

/**
 * POST /api/v1/auth/token and /refresh answer this; {@code expiresIn} is the access token's
 * lifetime in seconds.
 */
public record Tokens(String accessToken, String refreshToken, long expiresIn) {}
