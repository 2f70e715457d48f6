package io.konggitops.problem;

import java.util.Objects;

/** A Kubernetes object by kind, namespace (empty for cluster-scoped) and name; prints as {@code Kind ns/name}. */
public record ObjectRef(String kind, String namespace, String name) {
    public ObjectRef {
        Objects.requireNonNull(kind, "kind");
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
    }

    public static ObjectRef of(String kind, String namespace, String name) {
        return new ObjectRef(kind, namespace, name);
    }

    @Override
    public String toString() {
        return namespace.isEmpty() ? kind + " " + name : kind + " " + namespace + "/" + name;
    }
}
