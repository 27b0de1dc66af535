package jp.azukari.scanner.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import jp.azukari.scanner.client.ApiException;
import jp.azukari.scanner.client.CredentialStore;
import jp.azukari.scanner.client.Credentials;
import jp.azukari.scanner.client.HttpApi;
import jp.azukari.scanner.client.Tokens;
import jp.azukari.scanner.queue.QueueException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Log in to an Azukari server and keep the session in the user's config folder (owner-only).",
            "The password is asked without echo, or taken from the environment variable AZUKARI_PASSWORD.",
            "Scans waiting in the queue for this server are delivered right after."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:logged in",
            "1:the server refused (for example: too many attempts)",
            "2:wrong command line",
            "3:the server cannot be reached",
            "4:user name or password not accepted, or no way to ask for the password"
        })
final class LoginCommand implements Callable<Integer> {

    static final String PASSWORD_VARIABLE = "AZUKARI_PASSWORD";

    private final Environment environment;

    @Option(
            names = "--server",
            required = true,
            paramLabel = "URL",
            description = "The server, e.g. https://azukari.example.jp")
    String server;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "Your user name.")
    String user;

    @Mixin ConnectionOptions connection;

    @Mixin CommonOptions common;

    LoginCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Run run = new Run(environment, common);
        URI address = address(server);
        if (address == null) {
            return run.fail(ExitCode.USAGE, "error.badServer", server);
        }
        String base = address.toString().replaceAll("/+$", "");
        char[] password = password(run.messages.text("login.prompt", user, base));
        if (password == null) {
            return run.fail(ExitCode.LOGIN_NEEDED, "error.noPassword");
        }
        Tokens tokens;
        try {
            tokens =
                    new HttpApi(
                                    HttpApi.client(connection.connect()),
                                    address,
                                    connection.request(),
                                    run.json)
                            .token(user, password);
        } catch (ApiException.LoginRequired e) {
            return run.fail(ExitCode.LOGIN_NEEDED, "login.refused", e.getMessage());
        } catch (ApiException.Unavailable e) {
            return run.fail(ExitCode.QUEUED, "error.loginUnavailable", e.getMessage());
        } catch (ApiException e) {
            return run.fail(ExitCode.FAILED, "login.refused", e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
        CredentialStore store = new CredentialStore(run.home.config(), run.json);
        Credentials credentials = Credentials.issued(base, user, tokens, environment.clock());
        try {
            store.save(credentials);
        } catch (IOException e) {
            return run.fail(
                    ExitCode.FAILED, "error.credentials", run.home.config(), e.getMessage());
        }
        run.printer.info("login", run.messages.text("login.ok", base, user), true);
        return deliverWaiting(run, credentials);
    }

    /**
     * Whoever logs in after "session expired" wants the waiting scans sent; a busy queue is left to
     * its owner.
     */
    private int deliverWaiting(Run run, Credentials credentials) {
        try (Online online = Online.open(run, credentials, connection)) {
            boolean waiting =
                    online.queue.pending().stream()
                            .anyMatch(item -> item.server().equals(credentials.server()));
            if (!waiting) {
                return ExitCode.OK;
            }
            return run.finish(false, online.deliverer.deliver(true));
        } catch (QueueException e) {
            return ExitCode.OK;
        }
    }

    private char[] password(String prompt) {
        String fromEnvironment = environment.variable(PASSWORD_VARIABLE);
        if (fromEnvironment != null) {
            return fromEnvironment.toCharArray();
        }
        return environment.passwords().ask(prompt);
    }

    private static URI address(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    ? uri
                    : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
