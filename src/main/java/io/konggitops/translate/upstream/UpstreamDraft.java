package io.konggitops.translate.upstream;

import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;

import java.util.List;

/** One Kong upstream with its targets, named after the Kong service host. */
public record UpstreamDraft(String name, List<String> tags, String hostHeader, List<TargetSpec> targets,
                            ObjectRef source, Origin origin) {
    public UpstreamDraft {
        tags = List.copyOf(tags);
        targets = List.copyOf(targets);
    }
}
