package io.konggitops.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code --pushgateway-url} against a real Prometheus Pushgateway (Debian's {@code prometheus-pushgateway}, started
 * on a free loopback port with persistence off, stopped after): the metrics of a successful, a drift and a failed run
 * are read back from its {@code /metrics}. Each test uses its own select tag, hence its own group.
 */
class PushgatewayE2eTest {
    private static final Path BINARY = Path.of("/usr/bin/prometheus-pushgateway");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Process gateway;
    private static String url;

    @TempDir
    Path tmp;
    private E2eFixture f;

    @BeforeAll
    static void startPushgateway() throws Exception {
        if (!Files.isExecutable(BINARY)) {
            if ("true".equals(System.getenv("CI"))) {
                fail(BINARY + " is missing: .ci/run installs the Debian package prometheus-pushgateway");
            }
            Assumptions.abort(BINARY + " is not installed (apt-get install prometheus-pushgateway); "
                    + "the Pushgateway tests are skipped");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        url = "http://127.0.0.1:" + port;
        gateway = new ProcessBuilder(BINARY.toString(), "--web.listen-address=127.0.0.1:" + port,
                "--persistence.file=").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                if (get("/-/ready").statusCode() == 200) break;
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!gateway.isAlive()) fail("the Pushgateway exited with " + gateway.exitValue());
            if (System.nanoTime() > deadline) fail("the Pushgateway did not become ready on " + url);
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stopPushgateway() throws InterruptedException {
        if (gateway != null) {
            gateway.destroy();
            if (!gateway.waitFor(10, TimeUnit.SECONDS)) gateway.destroyForcibly();
        }
    }

    @BeforeEach
    void setUp() {
        f = new E2eFixture(tmp).copySamples("shop", "platform");
        f.repo.commit("samples");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every kong_gitops sample of one group, as {@code name{label="v"}} (job and select_tag left out) → value. */
    private static Map<String, Double> group(String selectTag) throws Exception {
        String text = get("/metrics").body();
        Map<String, Double> out = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^(kong_gitops_\\w+)\\{([^}]*)\\} (\\S+)$").matcher(text);
        while (m.find()) {
            String labels = m.group(2);
            if (!labels.contains("job=\"kong-gitops\"") || !labels.contains("select_tag=\"" + selectTag + "\"")) {
                continue;
            }
            String rest = labels.replaceAll("(^|,)(job|select_tag|instance)=\"[^\"]*\"", "").replaceAll("^,", "");
            out.put(m.group(1) + (rest.isEmpty() ? "" : "{" + rest + "}"), Double.parseDouble(m.group(3)));
        }
        return out;
    }

    private static OptionalDouble value(Map<String, Double> group, String key) {
        Double v = group.get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    @Test
    void aSuccessfulRunPushesItsChangesExitCodeNoDriftAndTheLastSuccessTime() throws Exception {
        double before = System.currentTimeMillis() / 1000.0;
        E2eFixture.Run run = f.reconcile("--select-tag", "team:success", "--pushgateway-url", url, "--report", "json");
        assertThat(run.exit()).as(run.toString()).isZero();
        var summary = run.json().get("summary");

        Map<String, Double> g = group("team:success");
        assertThat(g).containsEntry("kong_gitops_exit_code", 0.0)
                .containsEntry("kong_gitops_drift", 0.0)
                .containsEntry("kong_gitops_changes{action=\"create\"}", summary.get("create").asDouble())
                .containsEntry("kong_gitops_changes{action=\"update\"}", 0.0)
                .containsEntry("kong_gitops_changes{action=\"delete\"}", 0.0)
                .containsEntry("kong_gitops_problems{severity=\"error\"}", 0.0)
                .containsKeys("kong_gitops_problems{severity=\"warning\"}", "kong_gitops_problems{severity=\"info\"}");
        assertThat(summary.get("create").asInt()).isPositive();
        assertThat(g.get("kong_gitops_run_duration_seconds")).isPositive();
        assertThat(g.get("kong_gitops_last_success_timestamp_seconds")).isBetween(before - 1,
                System.currentTimeMillis() / 1000.0 + 1);
    }

    @Test
    void aDriftRunPushesDriftAndExitCode2AndNoLastSuccess() throws Exception {
        E2eFixture.Run run = f.diff("--select-tag", "team:drift", "--pushgateway-url", url, "--report", "json");
        assertThat(run.exit()).as(run.toString()).isEqualTo(2);

        Map<String, Double> g = group("team:drift");
        assertThat(g).containsEntry("kong_gitops_exit_code", 2.0).containsEntry("kong_gitops_drift", 1.0)
                .containsEntry("kong_gitops_changes{action=\"create\"}",
                        run.json().get("summary").get("create").asDouble())
                .doesNotContainKey("kong_gitops_last_success_timestamp_seconds");
    }

    @Test
    void aFailedRunPushesItsExitCodeAndKeepsThePreviousSuccessTime() throws Exception {
        E2eFixture.Run ok = f.reconcile("--select-tag", "team:failed", "--pushgateway-url", url);
        assertThat(ok.exit()).as(ok.toString()).isZero();
        OptionalDouble lastSuccess = value(group("team:failed"), "kong_gitops_last_success_timestamp_seconds");
        assertThat(lastSuccess).isPresent();

        // Git moves on (a route added), Kong rejects every write now
        f.repo.write("extra/ingress.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: extra, namespace: shop}
                spec:
                  ingressClassName: kong
                  rules:
                  - host: extra.example.test
                    http:
                      paths:
                      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                """).commit("extra");
        f.kong.failOn("POST", "/", 400, -1, null);
        f.kong.failOn("PUT", "/", 400, -1, null);
        E2eFixture.Run failed = f.reconcile("--select-tag", "team:failed", "--pushgateway-url", url);
        assertThat(failed.exit()).as(failed.toString()).isEqualTo(1);

        Map<String, Double> g = group("team:failed");
        assertThat(g).containsEntry("kong_gitops_exit_code", 1.0).containsEntry("kong_gitops_drift", 1.0);
        assertThat(g.get("kong_gitops_changes{action=\"create\"}")).isPositive();
        // pushed with POST: the failed run did not send it, the successful run's value stays
        assertThat(value(g, "kong_gitops_last_success_timestamp_seconds")).isEqualTo(lastSuccess);
    }

    @Test
    void aRunThatStopsBeforeAPlanPushesItsExitCodeAndLeavesDriftAsItWas() throws Exception {
        E2eFixture.Run drift = f.diff("--select-tag", "team:stopped", "--pushgateway-url", url);
        assertThat(drift.exit()).isEqualTo(2);
        f.kong.failOn("GET", "/", 400, -1, null);

        E2eFixture.Run stopped = f.diff("--select-tag", "team:stopped", "--pushgateway-url", url);

        assertThat(stopped.exit()).as(stopped.toString()).isEqualTo(1);
        assertThat(group("team:stopped")).containsEntry("kong_gitops_exit_code", 1.0)
                .containsEntry("kong_gitops_drift", 1.0)
                .containsEntry("kong_gitops_changes{action=\"create\"}", 0.0);
    }
}
