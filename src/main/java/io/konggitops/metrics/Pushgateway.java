package io.konggitops.metrics;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Pushes {@link RunMetrics} to a Prometheus Pushgateway with the Prometheus Java client's exporter, grouped by
 * {@code job="kong-gitops"} and {@code select_tag}: a stable key, so every run replaces the previous run's values.
 *
 * <p>The push is a POST ({@link PushGateway#pushAdd()}), which replaces only the metrics pushed, not a PUT
 * ({@link PushGateway#push()}), which replaces the whole group. A failed or refused run does not push
 * {@code kong_gitops_last_success_timestamp_seconds}, and with POST the value pushed by the last successful run stays
 * in the group; a PUT would erase it and an alert on {@code time() - kong_gitops_last_success_timestamp_seconds}
 * would see no series at all. The same holds for {@code kong_gitops_drift} when a run stopped before it knew.
 * Every other metric is pushed on every run, with every label value, so nothing from an earlier run lingers.
 */
public final class Pushgateway {
    public static final String JOB = "kong-gitops";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Pushgateway() {
    }

    /**
     * Pushes; never throws. Returns the warning to print when the Pushgateway could not be reached or refused the
     * push (the run keeps its own exit code: metrics are not worth failing a reconciliation for).
     */
    public static Optional<String> push(String url, RunMetrics m) {
        URI uri = URI.create(url);
        PrometheusRegistry registry = new PrometheusRegistry();
        Gauge.builder().name("kong_gitops_run_duration_seconds").help("Wall time of the last run, in seconds.")
                .register(registry).set(m.durationSeconds());
        Gauge changes = Gauge.builder().name("kong_gitops_changes")
                .help("Changes the last run planned, by action (create, update, delete).").labelNames("action")
                .register(registry);
        m.changes().forEach((action, n) -> changes.labelValues(action).set(n));
        Gauge problems = Gauge.builder().name("kong_gitops_problems")
                .help("Problems the last run found in the manifests, by severity.").labelNames("severity")
                .register(registry);
        m.problems().forEach((severity, n) -> problems.labelValues(severity).set(n));
        if (m.drift() != null) {
            Gauge.builder().name("kong_gitops_drift").help("1 when Kong differs from Git at the end of the last run.")
                    .register(registry).set(m.drift());
        }
        Gauge.builder().name("kong_gitops_exit_code")
                .help("Exit code of the last run: 0 ok, 1 error, 2 drift, 3 refused by a guard.")
                .register(registry).set(m.exitCode());
        if (m.success()) {
            Gauge.builder().name("kong_gitops_last_success_timestamp_seconds")
                    .help("Unix time the last successful run ended.").register(registry).set(m.finishedAtSeconds());
        }
        String address = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        PushGateway gateway = PushGateway.builder().address(address)
                .scheme("https".equalsIgnoreCase(uri.getScheme()) ? Scheme.HTTPS : Scheme.HTTP)
                .format(Format.PROMETHEUS_TEXT).job(JOB).groupingKey("select_tag", m.selectTag())
                .connectionTimeout(TIMEOUT).readTimeout(TIMEOUT).registry(registry).build();
        try {
            gateway.pushAdd();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("could not push metrics to the Pushgateway " + address + ": " + e.getMessage()
                    + " (the run's result is unchanged; check --pushgateway-url and that the Pushgateway is up)");
        }
    }
}
