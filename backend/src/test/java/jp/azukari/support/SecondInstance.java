package jp.azukari.support;

import java.time.Duration;
import jp.azukari.AzukariApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A second backend instance in the test JVM, on the same database as the test context (it reads the
 * same {@code azukari.db.*} system properties), with its own port, pool, caches and listener: what
 * a second process would have. Started once, on first use, and shared by every test class that
 * needs it.
 */
public final class SecondInstance {

    private static ConfigurableApplicationContext context;

    private SecondInstance() {}

    public static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            TestDatabase.start();
            // arguments, not default properties: those rank below application.yml's server.port
            // (8080)
            context =
                    new SpringApplicationBuilder(AzukariApplication.class)
                            .run(
                                    "--server.port=0",
                                    "--azukari.reminders.enabled=false",
                                    "--azukari.bootstrap.enabled=false",
                                    "--spring.main.banner-mode=off");
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> context.close(), "second-instance-stop"));
        }
        return context;
    }

    public static int port() {
        return Integer.parseInt(context().getEnvironment().getProperty("local.server.port"));
    }

    public static String baseUrl() {
        return "http://localhost:" + port();
    }

    public static WebTestClient http() {
        return WebTestClient.bindToServer()
                .baseUrl(baseUrl())
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }
}
