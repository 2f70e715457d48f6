package io.konggitops.source;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.konggitops.problem.Problem;

import java.util.List;
import java.util.stream.Stream;

/**
 * Everything loaded from one checkout: the resolved commit SHA (or {@code "local"} for a plain directory that is not a
 * Git repository), the objects in deterministic order (file path, then position in file), and the problems met while
 * loading (malformed YAML, oversized files, symlinks out of the repository...).
 */
public record Manifests(String commit, List<ManifestObject> objects, List<Problem> problems) {
    public Manifests {
        objects = List.copyOf(objects);
        problems = List.copyOf(problems);
    }

    public <T extends HasMetadata> Stream<T> ofType(Class<T> type) {
        return objects.stream().map(ManifestObject::object).filter(type::isInstance).map(type::cast);
    }

    public Stream<ManifestObject> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.kind()));
    }
}
