package io.konggitops.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to reach the cluster ({@code --endpoints cluster}).
 *
 * @param kubeconfig     {@code --kubeconfig} file; null = fabric8's usual lookup ({@code KUBECONFIG}, {@code ~/.kube/config},
 *                       then the in-cluster service account)
 * @param context        {@code --context} name; null = the kubeconfig's current context
 * @param namespaces     {@code --namespaces a,b}: read only these namespaces (namespaced RBAC); empty = all the manifests
 *                       reference, with cluster-wide lists when RBAC allows
 * @param requestTimeout timeout of one API request (also used as the connect timeout)
 * @param retries        retries of a request on connection errors and 5xx/429 (fabric8's backoff), 0 = none
 */
public record ClusterOptions(Path kubeconfig, String context, Set<String> namespaces, Duration requestTimeout,
                             int retries) {
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_RETRIES = 3;

    public ClusterOptions {
        namespaces = namespaces == null ? Set.of() : Set.copyOf(new TreeSet<>(namespaces));
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("request timeout must be positive: " + requestTimeout);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0: " + retries);
        }
        if (context != null && context.isBlank()) {
            context = null;
        }
    }

    /** Defaults: fabric8 auto-configuration, all namespaces, 30 s per request, 3 retries. */
    public static ClusterOptions defaults() {
        return new ClusterOptions(null, null, Set.of(), DEFAULT_REQUEST_TIMEOUT, DEFAULT_RETRIES);
    }

    public ClusterOptions withKubeconfig(Path file, String contextName) {
        return new ClusterOptions(file, contextName, namespaces, requestTimeout, retries);
    }

    public ClusterOptions withNamespaces(Set<String> restriction) {
        return new ClusterOptions(kubeconfig, context, restriction, requestTimeout, retries);
    }

    public ClusterOptions withRequestTimeout(Duration timeout, int retryCount) {
        return new ClusterOptions(kubeconfig, context, namespaces, Objects.requireNonNull(timeout), retryCount);
    }

    /** Parses {@code --namespaces a,b} (blanks and empty items ignored). */
    public static Set<String> parseNamespaces(String csv) {
        Set<String> out = new TreeSet<>();
        if (csv != null) {
            for (String s : csv.split(",")) {
                if (!s.isBlank()) out.add(s.trim());
            }
        }
        return out;
    }
}
