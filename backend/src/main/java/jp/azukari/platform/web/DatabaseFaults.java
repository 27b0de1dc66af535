package jp.azukari.platform.web;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure is the database connection going away (the server restarted, a backend was
 * terminated, the network dropped): such a request is answered 503 with Retry-After, whichever path
 * it took (issue 10).
 */
final class DatabaseFaults {

    private DatabaseFaults() {}

    /**
     * The database refused the text itself (NUL, or a character its encoding lacks): SQLSTATE 22021
     * or 22P05.
     */
    static boolean isRefusedText(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof R2dbcException r
                    && ("22021".equals(r.getSqlState()) || "22P05".equals(r.getSqlState()))) {
                return true;
            }
        }
        return false;
    }

    static boolean isConnectionLoss(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof R2dbcNonTransientResourceException
                    || t instanceof R2dbcTransientResourceException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof R2dbcException r
                    && r.getSqlState() != null
                    && (r.getSqlState().startsWith("08") || r.getSqlState().startsWith("57P"))) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.contains("ConnectionClosed")
                    || name.startsWith("io.netty.channel") && name.contains("Closed")) {
                return true;
            }
            if (t instanceof IllegalStateException
                    && t.getMessage() != null
                    && t.getMessage().contains("onnection")
                    && t.getMessage().contains("closed")) {
                return true;
            }
        }
        return false;
    }
}
