package io.konggitops.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;

import java.util.Set;

/** Namespace conventions shared by the cluster views. */
final class Namespaces {
    /** Where {@code kubectl apply} puts a namespaced object whose manifest names no namespace. */
    static final String DEFAULT = "default";

    /** Kinds without a namespace among those a routing repository holds (other kinds without a model are namespaced). */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "KongClusterPlugin", "GatewayClass",
            "IngressClass", "KongVault", "KongLicense", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleBinding");

    private Namespaces() {
    }

    static String orDefault(String namespace) {
        return namespace == null || namespace.isEmpty() ? DEFAULT : namespace;
    }

    /** Whether the object lives in a namespace (fabric8's {@link Namespaced} marker, else by kind). */
    static boolean isNamespaced(HasMetadata obj) {
        if (obj instanceof Namespaced) {
            return true;
        }
        String ns = obj.getMetadata() == null ? null : obj.getMetadata().getNamespace();
        return (ns != null && !ns.isEmpty()) || !CLUSTER_SCOPED.contains(obj.getKind());
    }

    /** The namespace an object is in once applied: its own, {@code default} if it names none, "" if cluster-scoped. */
    static String effective(HasMetadata obj) {
        return isNamespaced(obj) ? orDefault(obj.getMetadata().getNamespace()) : "";
    }
}
