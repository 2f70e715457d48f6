package io.konggitops.translate.model;

import io.konggitops.source.ManifestObject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plugin that a route object's own fields produce (a Gateway API filter, the 500 {@code request-termination} of a
 * route whose backends all fail), attached to the Kong route or service that holds it. KIC nests these under their
 * parent and gives them no ID; they carry the route object's tags.
 */
public record PluginDraft(String name, Map<String, Object> config, List<String> tags, ManifestObject source) {
    public PluginDraft {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        tags = List.copyOf(tags);
    }
}
