package io.konggitops.source;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;

/**
 * One Kubernetes object loaded from the repository, typed by fabric8 ({@code Ingress}, {@code Service}, ...;
 * CRDs without a model such as KongPlugin are {@code GenericKubernetesResource}), with the file and line it came from.
 */
public record ManifestObject(HasMetadata object, Origin origin) {
    public String kind() {
        return object.getKind();
    }

    public String namespace() {
        String ns = object.getMetadata() == null ? null : object.getMetadata().getNamespace();
        return ns == null ? "" : ns;
    }

    public String name() {
        return object.getMetadata() == null ? "" : object.getMetadata().getName();
    }

    public ObjectRef ref() {
        return ObjectRef.of(kind(), namespace(), name());
    }
}
