package jp.azukari.platform.db;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points R2DBC (the application role) and Flyway (the schema owner) at one PostgreSQL database.
 *
 * <p>With {@code azukari.db.host} set, that server is used. Without it, a real PostgreSQL runs
 * embedded with its data in {@code azukari.embedded.data-dir} (default {@code ./data/postgres}), so
 * the product starts with no setup and keeps its data across restarts.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "azukariDatabase";

    @Override
    public void postProcessEnvironment(
            ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        DatabaseCoordinates db = configured(environment);
        if (db == null) {
            Path dataDir =
                    Path.of(
                            environment.getProperty(
                                    "azukari.embedded.data-dir", "./data/postgres"));
            int port = Integer.parseInt(environment.getProperty("azukari.embedded.port", "0"));
            db = EmbeddedDatabase.start(dataDir, port);
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(SOURCE_NAME, properties(db)));
    }

    private static DatabaseCoordinates configured(ConfigurableEnvironment env) {
        String host = env.getProperty("azukari.db.host", "");
        if (host.isBlank()) {
            return null;
        }
        String user = require(env, "azukari.db.username");
        String password = env.getProperty("azukari.db.password", "");
        String owner = env.getProperty("azukari.db.owner-username", user);
        String ownerPassword =
                env.getProperty("azukari.db.owner-password", owner.equals(user) ? password : "");
        return new DatabaseCoordinates(
                host,
                Integer.parseInt(env.getProperty("azukari.db.port", "5432")),
                env.getProperty("azukari.db.name", "azukari"),
                user,
                password,
                owner,
                ownerPassword);
    }

    private static String require(ConfigurableEnvironment env, String key) {
        String value = env.getProperty(key, "");
        if (value.isBlank()) {
            throw new IllegalStateException(key + " must be set when azukari.db.host is set");
        }
        return value;
    }

    static Map<String, Object> properties(DatabaseCoordinates db) {
        Map<String, Object> p = new HashMap<>();
        p.put(
                "spring.r2dbc.url",
                "r2dbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.database());
        p.put("spring.r2dbc.username", db.appUser());
        p.put("spring.r2dbc.password", db.appPassword());
        p.put("spring.flyway.url", db.jdbcUrl());
        p.put("spring.flyway.user", db.ownerUser());
        p.put("spring.flyway.password", db.ownerPassword());
        p.put("spring.flyway.placeholders.app_role", db.appUser());
        p.put("azukari.db.resolved-jdbc-url", db.jdbcUrl());
        return p;
    }

    @Override
    public int getOrder() {
        // after application.yml and the environment are read, so their settings decide
        return Ordered.LOWEST_PRECEDENCE;
    }
}
