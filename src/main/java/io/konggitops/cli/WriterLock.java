package io.konggitops.cli;

import io.konggitops.cluster.ClusterClients;
import io.konggitops.cluster.RunLease;
import io.konggitops.config.JobConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * {@code reconcile}'s one-writer-at-a-time Lease: taken when the run reads the cluster, skipped (and said so) when it
 * does not or with {@code --no-lock}.
 */
final class WriterLock {
    /** Where a pod's service account says which namespace the pod runs in. */
    static final Path POD_NAMESPACE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

    private WriterLock() {
    }

    /**
     * The Lease taken for this run, or null when none is taken (the reason is printed on {@code err}).
     *
     * @throws RunLease.HeldException another run holds a valid Lease (exit 3)
     */
    static RunLease take(JobConfig config, Pipeline pipeline, Map<String, String> env, PrintStream err) {
        JobConfig.Lock lock = config.lock();
        if (!lock.enabled()) {
            err.println("kong-gitops: --no-lock: no Lease taken; make sure no other run writes to this Kong");
            return null;
        }
        if (!pipeline.usesCluster()) {
            err.println("kong-gitops: no lock taken: no Kubernetes cluster is used (--endpoints "
                    + config.translation().endpoints().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                    + ", no kubeconfig or in-cluster account), so another run could write to the same Kong at the "
                    + "same time. To take the Lease " + namespace(lock, env) + "/" + lock.name()
                    + ", run with a kubeconfig and --endpoints cluster (or in the cluster); --no-lock silences this.");
            return null;
        }
        RunLease.Options options = new RunLease.Options(namespace(lock, env), lock.name(), identity(env), lock.ttl());
        RunLease lease = RunLease.acquire(ClusterClients.create(pipeline.clusterOptions()), options,
                Clock.systemUTC(), warning -> err.println("kong-gitops: warning: " + warning));
        err.println("kong-gitops: took the Lease " + options.namespace() + "/" + options.name() + " as "
                + options.identity() + " (valid " + options.ttl().toSeconds() + "s, renewed while applying)");
        return lease;
    }

    /** {@code --lock-namespace}, else the pod's namespace, else {@code kong-gitops}. */
    static String namespace(JobConfig.Lock lock, Map<String, String> env) {
        if (lock.namespace() != null) return lock.namespace();
        if (env.get("KUBERNETES_SERVICE_HOST") != null && Files.isReadable(POD_NAMESPACE)) {
            try {
                String ns = Files.readString(POD_NAMESPACE, StandardCharsets.UTF_8).trim();
                if (!ns.isEmpty()) return ns;
            } catch (IOException e) {
                // fall through to the default
            }
        }
        return "kong-gitops";
    }

    /** The pod name in a pod ({@code HOSTNAME}), else {@code user@host}. */
    static String identity(Map<String, String> env) {
        String hostname = env.get("HOSTNAME");
        if (env.get("KUBERNETES_SERVICE_HOST") != null && hostname != null && !hostname.isBlank()) return hostname;
        String user = env.getOrDefault("USER", System.getProperty("user.name", "unknown"));
        String host = hostname;
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "localhost";
            }
        }
        return user + "@" + host;
    }
}
