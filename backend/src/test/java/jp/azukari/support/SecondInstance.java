package jp.azukari.support;

import jp.azukari.AzukariApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second backend instance on the same test database, for what must work across instances (live updates through
 * LISTEN/NOTIFY, browser sessions). Started once per test JVM on a port of its own, stopped when the JVM ends.
 */
public final class SecondInstance {

    private static ConfigurableApplicationContext app;

    private SecondInstance() {
    }

    /** The port of the second instance, started on first use. */
    public static synchronized int port() {
        if (app == null) {
            TestDatabase.start();
            app = new SpringApplicationBuilder(AzukariApplication.class)
                    // arguments, not default properties: those rank below application.yml's server.port
                    .run("--server.port=0", "--azukari.bootstrap.enabled=false", "--azukari.reminders.enabled=false");
            Runtime.getRuntime().addShutdownHook(new Thread(app::close, "second-instance-stop"));
        }
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    public static String baseUrl() {
        return "http://localhost:" + port();
    }
}
