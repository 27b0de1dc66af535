package jp.azukari.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A test that failed because something did not answer in time prints every thread of the JVM (the
 * application instances run in it too), so a rare hang seen once in CI can be read afterwards
 * instead of guessed at. Registered for every test through the service loader.
 */
public final class ThreadDumpOnTimeout implements TestExecutionExceptionHandler {

    /** What every session of the test database was doing, and who blocks whom. */
    private static String databaseSessions() {
        StringBuilder out = new StringBuilder("=== database sessions ===\n");
        try (Connection c = TestDatabase.superuserConnection();
                Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery(
                                "SELECT pid, usename, state, wait_event_type, wait_event,"
                                        + " pg_blocking_pids(pid) AS blocked_by, now() - xact_start AS in_tx,"
                                        + " now() - state_change AS since, left(query, 300) AS query"
                                        + " FROM pg_stat_activity WHERE datname = current_database()"
                                        + " AND pid <> pg_backend_pid()")) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                for (int i = 1; i <= columns; i++) {
                    out.append(r.getMetaData().getColumnLabel(i))
                            .append('=')
                            .append(r.getString(i))
                            .append(i < columns ? " | " : "\n");
                }
            }
        } catch (Exception e) {
            out.append("(could not read: ").append(e).append(")\n");
        }
        return out.toString();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown)
            throws Throwable {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                StringBuilder dump = new StringBuilder();
                dump.append("=== threads when ")
                        .append(context.getDisplayName())
                        .append(" timed out ===\n");
                for (ThreadInfo info :
                        ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                    dump.append('"').append(info.getThreadName()).append("\" ");
                    dump.append(info.getThreadState());
                    if (info.getLockName() != null) {
                        dump.append(" on ").append(info.getLockName());
                    }
                    if (info.getLockOwnerName() != null) {
                        dump.append(" owned by ").append(info.getLockOwnerName());
                    }
                    dump.append('\n');
                    for (StackTraceElement e : info.getStackTrace()) {
                        dump.append("    at ").append(e).append('\n');
                    }
                }
                dump.append(databaseSessions());
                System.err.println(dump);
                break;
            }
        }
        throw thrown;
    }
}
