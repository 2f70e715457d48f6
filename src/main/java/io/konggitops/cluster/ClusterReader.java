package io.konggitops.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.konggitops.cluster.ClusterAccessException.Reason;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The API calls of {@link KubernetesClusterView}: paged lists and single gets, with every fabric8 failure turned into a
 * {@link ClusterAccessException} that names the API server and, for a denial, what RBAC rule is missing.
 */
final class ClusterReader {
    /** Page size of list calls: bounded memory per response, a handful of requests for thousands of objects. */
    static final long PAGE_SIZE = 500;

    /** One API operation, for messages: verb, resource (plural), API group ("" = core), namespace (null = cluster). */
    record Operation(String verb, String resource, String group, String namespace, String name) {
        static Operation list(String resource, String group, String namespace) {
            return new Operation("list", resource, group, namespace, null);
        }

        static Operation get(String resource, String group, String namespace, String name) {
            return new Operation("get", resource, group, namespace, name);
        }

        String describe() {
            StringBuilder sb = new StringBuilder(verb).append(' ').append(resource);
            if (name != null) sb.append(" \"").append(name).append('"');
            sb.append(namespace == null ? " at the cluster scope" : " in namespace " + namespace);
            return sb.toString();
        }

        String rbacHint() {
            return "RBAC: grant \"" + verb + "\" on \"" + resource + "\""
                    + (group.isEmpty() ? "" : " (apiGroup \"" + group + "\")")
                    + (namespace == null ? " with a ClusterRole" : "")
                    + " to the job's service account";
        }
    }

    private final String apiServer;
    private final Duration timeout;

    ClusterReader(String apiServer, Duration timeout) {
        this.apiServer = apiServer;
        this.timeout = timeout;
    }

    String apiServer() {
        return apiServer;
    }

    /** Every item of a list, page by page; a list that cannot be completed fails as a whole. */
    <T extends HasMetadata, L extends KubernetesResourceList<T>> List<T> listAll(Function<ListOptions, L> page, Operation op) {
        List<T> items = new ArrayList<>();
        String token = null;
        do {
            ListOptions options = new ListOptionsBuilder().withLimit(PAGE_SIZE).withContinue(token).build();
            L result = call(() -> page.apply(options), op);
            if (result == null) {
                throw new ClusterAccessException(Reason.API_ERROR, apiServer,
                        "empty answer from the API server " + apiServer + " to " + op.describe(), null);
            }
            if (result.getItems() != null) {
                items.addAll(result.getItems());
            }
            ListMeta meta = result.getMetadata();
            token = meta == null || meta.getContinue() == null || meta.getContinue().isEmpty() ? null
                    : meta.getContinue();
        } while (token != null);
        return items;
    }

    /** One call; fabric8 answers null for 404 on a get. */
    <T> T call(Supplier<T> request, Operation op) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw translate(e, op);
        }
    }

    static boolean isForbidden(ClusterAccessException e) {
        return e.reason() == Reason.FORBIDDEN;
    }

    ClusterAccessException translate(KubernetesClientException e, Operation op) {
        int code = e.getCode();
        String said = e.getStatus() != null && e.getStatus().getMessage() != null
                ? " (API server said: " + e.getStatus().getMessage() + ")" : "";
        if (code == 403) {
            return new ClusterAccessException(Reason.FORBIDDEN, apiServer, "forbidden: cannot " + op.describe()
                    + " (" + op.rbacHint() + ") on API server " + apiServer + said, e);
        }
        if (code == 401) {
            return new ClusterAccessException(Reason.UNAUTHORIZED, apiServer, "unauthorized: the API server "
                    + apiServer + " rejected the credentials on " + op.describe()
                    + " (check the kubeconfig user, its token or certificate, or the service account token)" + said, e);
        }
        if (code == 410) {
            return new ClusterAccessException(Reason.API_ERROR, apiServer, "the answer to " + op.describe()
                    + " expired while paging (410 Gone) on API server " + apiServer + "; run again" + said, e);
        }
        if (code > 0) {
            return new ClusterAccessException(Reason.API_ERROR, apiServer, "API error " + code + " on "
                    + op.describe() + " from API server " + apiServer + said, e);
        }
        if (hasCause(e, HttpTimeoutException.class) || hasCause(e, TimeoutException.class)
                || hasCause(e, InterruptedIOException.class)) {
            return new ClusterAccessException(Reason.TIMEOUT, apiServer, "timed out after " + timeout.toMillis()
                    + " ms waiting for the API server " + apiServer + " (" + op.describe() + ")", e);
        }
        Throwable root = rootCause(e);
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (hasCause(e, ConnectException.class) || hasCause(e, UnknownHostException.class)
                || hasCause(e, NoRouteToHostException.class) || hasCause(e, IOException.class)) {
            return new ClusterAccessException(Reason.UNREACHABLE, apiServer, "cannot reach the API server "
                    + apiServer + " (" + op.describe() + "): " + why, e);
        }
        return new ClusterAccessException(Reason.API_ERROR, apiServer, "cannot " + op.describe()
                + " on API server " + apiServer + ": " + why, e);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) return true;
        }
        return false;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        return c;
    }
}
