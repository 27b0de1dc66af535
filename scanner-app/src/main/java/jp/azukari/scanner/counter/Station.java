package jp.azukari.scanner.counter;

/** Where scans are made and sent: the server logged in to and this device's id. */
public record Station(String server, String deviceId) {}
