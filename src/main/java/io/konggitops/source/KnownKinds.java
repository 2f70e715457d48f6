package io.konggitops.source;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API groups kong-gitops reads, every kind that exists in them, and whether each kind is namespaced.
 *
 * <p>Why a table: a manifest kong-gitops does not recognise is either somebody else's object (a Deployment, a
 * cert-manager Certificate, a Kustomization) that sits in the same folder and is rightly ignored, or one of ours with a
 * typo ({@code kind: Ingres}). Ignoring the typo would be dangerous: the next reconcile would delete whatever the
 * object produced before. The API group tells the two apart. In a group listed here an unknown kind cannot be a
 * valid object (the API server would refuse it, as {@code kubectl apply} and Argo CD do), so it is an error; in any
 * other group the object is not ours to judge. The table lists <i>all</i> kinds of each group, not only those
 * kong-gitops translates, so a valid Pod, NetworkPolicy or KongService is still accepted (and ignored downstream).
 *
 * <p>Sources: the Kubernetes API reference (core v1, networking.k8s.io, discovery.k8s.io), the Gateway API CRDs
 * (standard and experimental channels), and the CRDs of Kong's kubernetes-configuration repository (KIC and Kong
 * Gateway Operator). A Kong CRD added after this table was written is reported as unknown; the hint says so.
 *
 * <p>The scope column drives namespace defaulting: as with {@code kubectl apply}, a namespaced object without
 * {@code metadata.namespace} belongs to {@code default}.
 */
final class KnownKinds {
    /** The groups kong-gitops reads ({@code ""} is the core group, {@code apiVersion: v1}). */
    static final Set<String> READ_GROUPS = Set.of("", "networking.k8s.io", "discovery.k8s.io",
            "gateway.networking.k8s.io", "configuration.konghq.com");

    private static final Map<String, Set<String>> NAMESPACED = Map.of(
            "", Set.of("Binding", "ConfigMap", "Endpoints", "Event", "LimitRange", "PersistentVolumeClaim", "Pod",
                    "PodTemplate", "ReplicationController", "ResourceQuota", "Secret", "Service", "ServiceAccount"),
            "networking.k8s.io", Set.of("Ingress", "NetworkPolicy"),
            "discovery.k8s.io", Set.of("EndpointSlice"),
            "gateway.networking.k8s.io", Set.of("Gateway", "HTTPRoute", "GRPCRoute", "TCPRoute", "UDPRoute", "TLSRoute",
                    "ReferenceGrant", "BackendTLSPolicy", "BackendLBPolicy", "ListenerSet"),
            "configuration.konghq.com", Set.of(
                    // Kong Ingress Controller
                    "KongPlugin", "KongConsumer", "KongConsumerGroup", "KongIngress", "KongUpstreamPolicy",
                    "KongCustomEntity", "IngressClassParameters", "TCPIngress", "UDPIngress",
                    // Kong Gateway Operator (Konnect entities)
                    "KongService", "KongRoute", "KongUpstream", "KongTarget", "KongCertificate", "KongCACertificate",
                    "KongSNI", "KongKey", "KongKeySet", "KongPluginBinding", "KongDataPlaneClientCertificate",
                    "KongCredentialACL", "KongCredentialAPIKey", "KongCredentialBasicAuth", "KongCredentialHMAC",
                    "KongCredentialJWT", "KongReferenceGrant"));

    private static final Map<String, Set<String>> CLUSTER_SCOPED = Map.of(
            "", Set.of("Namespace", "Node", "PersistentVolume", "ComponentStatus"),
            "networking.k8s.io", Set.of("IngressClass", "IPAddress", "ServiceCIDR"),
            "discovery.k8s.io", Set.of(),
            "gateway.networking.k8s.io", Set.of("GatewayClass"),
            "configuration.konghq.com", Set.of("KongClusterPlugin", "KongLicense", "KongVault"));

    /** Where a kind stands. */
    enum Scope {
        NAMESPACED, CLUSTER,
        /** A group kong-gitops does not read: scope unknown here. */
        FOREIGN,
        /** A group kong-gitops reads, but no such kind in it: a typo or an invalid object. */
        UNKNOWN
    }

    private KnownKinds() {
    }

    /** The API group of an apiVersion: {@code networking.k8s.io/v1} gives {@code networking.k8s.io}, {@code v1} "". */
    static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    static Scope scope(String apiVersion, String kind) {
        String group = group(apiVersion);
        if (!READ_GROUPS.contains(group)) return Scope.FOREIGN;
        if (NAMESPACED.get(group).contains(kind)) return Scope.NAMESPACED;
        if (CLUSTER_SCOPED.get(group).contains(kind)) return Scope.CLUSTER;
        return Scope.UNKNOWN;
    }

    /** A known kind of the same group that {@code kind} is probably a misspelling of, or null. */
    static String suggestion(String apiVersion, String kind) {
        String group = group(apiVersion);
        if (!READ_GROUPS.contains(group)) return null;
        String best = null;
        int bestDistance = 3;
        for (String known : kinds(group)) {
            int d = distance(kind.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = known;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The kinds of a group we read, sorted (for messages). */
    static List<String> kinds(String group) {
        return java.util.stream.Stream.concat(NAMESPACED.get(group).stream(), CLUSTER_SCOPED.get(group).stream())
                .sorted().collect(Collectors.toList());
    }

    /** Levenshtein distance (kinds are short). */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
