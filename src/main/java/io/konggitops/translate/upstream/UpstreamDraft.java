package io.konggitops.translate.upstream;

import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;

import java.util.List;
import java.util.Map;

/**
 * One Kong upstream with its targets, named after the Kong service host. {@code fields} are the upstream fields the
 * Services ask for (KongIngress upstream section, host header, KongUpstreamPolicy), laid over Kong's defaults.
 */
public record UpstreamDraft(String name, List<String> tags, Map<String, Object> fields, List<TargetSpec> targets,
                            ObjectRef source, Origin origin) {
    public UpstreamDraft {
        tags = List.copyOf(tags);
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        targets = List.copyOf(targets);
    }
}
