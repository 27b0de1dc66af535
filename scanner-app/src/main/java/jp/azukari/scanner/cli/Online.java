package jp.azukari.scanner.cli;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import jp.azukari.scanner.client.Api;
import jp.azukari.scanner.client.CredentialStore;
import jp.azukari.scanner.client.Credentials;
import jp.azukari.scanner.client.HttpApi;
import jp.azukari.scanner.client.ScanBatch;
import jp.azukari.scanner.client.Session;
import jp.azukari.scanner.counter.Courier;
import jp.azukari.scanner.counter.Deliverer;
import jp.azukari.scanner.counter.Outcome;
import jp.azukari.scanner.counter.Station;
import jp.azukari.scanner.queue.QueueException;
import jp.azukari.scanner.queue.QueueItem;
import jp.azukari.scanner.queue.ScanQueue;

/**
 * What a command that talks to the server needs: the saved session, the queue, and the courier
 * between them.
 */
final class Online implements AutoCloseable {

    /** After the server failed, live reading does not ask it again for this long. */
    private static final Duration BACKOFF = Duration.ofSeconds(30);

    final Api api;
    final ScanQueue queue;
    final Station station;
    final Deliverer deliverer;

    private Online(Api api, ScanQueue queue, Station station, Deliverer deliverer) {
        this.api = api;
        this.queue = queue;
        this.station = station;
        this.deliverer = deliverer;
    }

    /**
     * Empty credentials mean "not logged in"; the caller says so and stops before reading anything.
     */
    static Online open(Run run, Credentials credentials, ConnectionOptions connection)
            throws QueueException {
        return open(run, credentials, connection, ScanBatch.MAX_SCANS);
    }

    /**
     * {@code batchSize}: scans per request when delivering the queue, at most {@link
     * ScanBatch#MAX_SCANS}.
     */
    static Online open(
            Run run, Credentials credentials, ConnectionOptions connection, int batchSize)
            throws QueueException {
        ScanQueue queue = ScanQueue.open(run.home.queue(), run.json);
        HttpApi http =
                new HttpApi(
                        HttpApi.client(connection.connect()),
                        URI.create(credentials.server()),
                        connection.request(),
                        run.json);
        Api api =
                new Session(
                        http,
                        new CredentialStore(run.home.config(), run.json),
                        run.environment.clock());
        Station station = new Station(credentials.server(), deviceId(connection, run.environment));
        Consumer<Outcome> outcomes = run.outcomes();
        Courier courier =
                new Courier(queue, api, station.server(), outcomes, run.progress(), batchSize);
        Deliverer deliverer = new Deliverer(courier, run.environment.clock(), BACKOFF, outcomes);
        Online online = new Online(api, queue, station, deliverer);
        online.reportQueueState(outcomes);
        return online;
    }

    private void reportQueueState(Consumer<Outcome> outcomes) {
        if (queue.damagedLines() > 0) {
            outcomes.accept(
                    new Outcome.QueueDamaged(queue.damagedLines(), queue.folder().toString()));
        }
        Map<String, Integer> elsewhere = new TreeMap<>();
        for (QueueItem item : queue.pending()) {
            if (!item.server().equals(station.server())) {
                elsewhere.merge(item.server(), 1, Integer::sum);
            }
        }
        elsewhere.forEach(
                (server, count) ->
                        outcomes.accept(new Outcome.WaitingForOtherServer(server, count)));
    }

    static String deviceId(ConnectionOptions connection, Environment environment) {
        if (connection.deviceId != null && !connection.deviceId.isBlank()) {
            return connection.deviceId.strip();
        }
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            if (environment.variable(variable) != null) {
                return environment.variable(variable);
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "scanner";
        }
    }

    @Override
    public void close() throws QueueException {
        queue.close();
    }
}
