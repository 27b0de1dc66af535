package jp.azukari.platform.db;

/**
 * Where the database is and which two roles use it: the owner migrates, the application role reads
 * and writes.
 */
public record DatabaseCoordinates(
        String host,
        int port,
        String database,
        String appUser,
        String appPassword,
        String ownerUser,
        String ownerPassword) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
