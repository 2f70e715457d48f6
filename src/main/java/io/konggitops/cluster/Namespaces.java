package io.konggitops.cluster;

/** Namespace conventions shared by the cluster views. */
final class Namespaces {
    /** Where {@code kubectl apply} puts a namespaced object whose manifest names no namespace. */
    static final String DEFAULT = "default";

    private Namespaces() {
    }

    static String orDefault(String namespace) {
        return namespace == null || namespace.isEmpty() ? DEFAULT : namespace;
    }
}
