package jp.azukari.scanner.cli;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import jp.azukari.scanner.client.ApiException;
import jp.azukari.scanner.client.CredentialStore;
import jp.azukari.scanner.client.Credentials;
import jp.azukari.scanner.client.HttpApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "logout",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Revoke the session on the server and forget it here. The queue is kept."})
final class LogoutCommand implements Callable<Integer> {

    private final Environment environment;

    @Mixin ConnectionOptions connection;

    @Mixin CommonOptions common;

    LogoutCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Run run = new Run(environment, common);
        CredentialStore store = new CredentialStore(run.home.config(), run.json);
        Optional<Credentials> credentials = store.load();
        if (credentials.isEmpty()) {
            return run.fail(ExitCode.LOGIN_NEEDED, "error.notLoggedIn");
        }
        Credentials session = credentials.get();
        String message;
        try {
            new HttpApi(
                            HttpApi.client(connection.connect()),
                            URI.create(session.server()),
                            connection.request(),
                            run.json)
                    .logout(session.refreshToken());
            message = run.messages.text("logout.ok", session.server());
        } catch (ApiException e) {
            message = run.messages.text("logout.local", e.getMessage());
        }
        try {
            store.delete();
        } catch (IOException e) {
            return run.fail(
                    ExitCode.FAILED, "error.credentials", run.home.config(), e.getMessage());
        }
        run.printer.info("logout", message, true);
        return ExitCode.OK;
    }
}
