package jp.azukari.core.decode;

/**
 * One QR code found in a picture: its text, and roughly where its centre is (pixels of the picture
 * as read).
 */
public record DecodedCode(String text, double x, double y) {}
