package jp.azukari.platform.db;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Binding values that may be null, which R2DBC needs told the type of. */
public final class Binds {

    private Binds() {}

    public static GenericExecuteSpec nullable(
            GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
