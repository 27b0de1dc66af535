package jp.azukari.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Reads of the whole ledger for verification and digests, in plain JDBC (pgjdbc, binary transfer,
 * server-side cursors) rather than R2DBC's row-at-a-time mapping: the chains split into {@link
 * #PARTITIONS} ranges of asset ids, read on several connections at once, all in one consistent
 * state — the first connection exports its REPEATABLE READ snapshot ({@code pg_export_snapshot()})
 * and every other one imports it ({@code SET TRANSACTION SNAPSHOT}). What is checked in those rows
 * is the core module's {@code Chain}, the offline verifier's rule too.
 */
public class LedgerSnapshot {

    /** Asset id ranges: by the first byte of the id, 4 values each (the database's uuid order). */
    static final int PARTITIONS = 64;

    static final int FETCH = 10_000;

    private final String url;
    private final Properties properties;
    private final int threads;

    public LedgerSnapshot(String url, String user, String password, int threads) {
        this.url = url;
        this.properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password == null ? "" : password);
        // prepared on the server from the first execution: uuid, bytea and timestamptz in binary
        properties.setProperty("prepareThreshold", "-1");
        properties.setProperty("ApplicationName", "azukari-ledger-read");
        // as the pool's: opening a connection never waits for long
        properties.setProperty("connectTimeout", "5");
        this.threads = Math.max(1, threads);
    }

    /** The walk over one partition's rows, in the query's order; its result once they are done. */
    public interface Partition<R> {
        void row(ResultSet rs) throws SQLException;

        R result();
    }

    /**
     * Runs {@code sql} once per partition, its first two parameters the partition's lowest and
     * highest asset id, then {@code extra}; {@code partition} makes the walk of the partition it is
     * given the number of; the results in partition order, so in asset id order.
     */
    public <R> List<R> partitioned(
            String sql, Object[] extra, IntFunction<Partition<R>> partition) {
        List<R> results = new ArrayList<>();
        try (Connection first = open()) {
            String snapshot;
            try (Statement s = first.createStatement();
                    ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                snapshot = rs.getString(1);
            }
            int workers = Math.min(threads, PARTITIONS);
            AtomicInteger next = new AtomicInteger();
            List<Object> done = new ArrayList<>();
            for (int i = 0; i < PARTITIONS; i++) {
                done.add(null);
            }
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    boolean own = w == 0;
                    running.add(
                            pool.submit(
                                    () -> {
                                        try (Connection c = own ? null : open()) {
                                            Connection use = own ? first : c;
                                            if (!own) {
                                                try (Statement s = use.createStatement()) {
                                                    s.execute(
                                                            "SET TRANSACTION SNAPSHOT '"
                                                                    + snapshot.replace("'", "")
                                                                    + "'");
                                                }
                                            }
                                            for (int p = next.getAndIncrement();
                                                    p < PARTITIONS;
                                                    p = next.getAndIncrement()) {
                                                Partition<R> walk = partition.apply(p);
                                                read(use, sql, p, extra, walk);
                                                synchronized (done) {
                                                    done.set(p, walk.result());
                                                }
                                            }
                                            if (!own) {
                                                use.commit();
                                            }
                                        }
                                        return null;
                                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            first.commit();
            for (Object r : done) {
                @SuppressWarnings("unchecked")
                R typed = (R) r;
                results.add(typed);
            }
            return results;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the ledger: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading the ledger was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r
                    ? r
                    : new IllegalStateException("reading the ledger: " + cause, cause);
        }
    }

    /** Runs {@code sql} once, with {@code parameters}, in a snapshot of its own. */
    public <R> R once(String sql, Object[] parameters, Partition<R> walk) {
        try (Connection c = open();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(FETCH);
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    walk.row(rs);
                }
            }
            c.commit();
            return walk.result();
        } catch (SQLException e) {
            throw new IllegalStateException("reading the ledger: " + e.getMessage(), e);
        }
    }

    private static void read(
            Connection c, String sql, int partition, Object[] extra, Partition<?> walk)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(FETCH);
            s.setObject(1, bound(partition, false));
            s.setObject(2, bound(partition, true));
            for (int i = 0; i < extra.length; i++) {
                s.setObject(i + 3, extra[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    walk.row(rs);
                }
            }
        }
    }

    /** The lowest (or highest) asset id of a partition. */
    static UUID bound(int partition, boolean highest) {
        int width = 256 / PARTITIONS;
        long firstByte = (long) partition * width + (highest ? width - 1 : 0);
        long high = highest ? (firstByte << 56) | 0x00FF_FFFF_FFFF_FFFFL : firstByte << 56;
        return new UUID(high, highest ? -1L : 0L);
    }

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(url, properties);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
        return c;
    }
}
