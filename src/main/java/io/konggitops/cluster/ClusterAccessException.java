package io.konggitops.cluster;

import io.konggitops.problem.KongGitopsException;

/**
 * The Kubernetes API could not give a complete answer: API server unreachable, credentials rejected (401), RBAC
 * denied (403), a timeout, or an unexpected API error. The message names the API server URL and, for a denial, the
 * verb, resource and namespace to grant. The CLI exits 1 on it before any Kong read or write: a partial view of the
 * cluster is never used, because it could delete targets.
 */
public final class ClusterAccessException extends KongGitopsException {
    private static final long serialVersionUID = 1L;

    /** Why the cluster could not be read. */
    public enum Reason {
        /** No kubeconfig / context / in-cluster account could be used. */
        CONFIGURATION,
        /** Connection refused, DNS failure, TLS failure. */
        UNREACHABLE,
        /** A request did not complete within the request timeout. */
        TIMEOUT,
        /** 401: the credentials were rejected. */
        UNAUTHORIZED,
        /** 403: RBAC denied a verb on a resource. */
        FORBIDDEN,
        /** Any other API error (5xx, 410 Gone during paging, unknown resource...). */
        API_ERROR
    }

    private final Reason reason;
    private final String apiServer;

    public ClusterAccessException(Reason reason, String apiServer, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.apiServer = apiServer == null ? "" : apiServer;
    }

    public Reason reason() {
        return reason;
    }

    /** The API server URL the request went to ({@code ""} when no configuration could be built). */
    public String apiServer() {
        return apiServer;
    }
}
