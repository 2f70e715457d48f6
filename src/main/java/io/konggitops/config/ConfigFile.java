package io.konggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional {@code --config FILE}: a flat YAML map whose keys are setting names, e.g.
 * {@code kong-admin-url: https://kong-admin:8444}. Lists may be YAML sequences. Secrets do not belong here.
 */
final class ConfigFile {
    private ConfigFile() {
    }

    static Map<String, String> read(Path file, Collection<String> known, List<String> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            errors.add("cannot read config file " + file + ": " + e.getMessage());
            return out;
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return out;
        }
        if (!root.isObject()) {
            errors.add("config file " + file + " must be a map of setting: value");
            return out;
        }
        root.properties().forEach(e -> {
            if (!known.contains(e.getKey())) {
                errors.add("config file " + file + ": unknown setting '" + e.getKey() + "'");
            } else if (e.getValue().isArray()) {
                List<String> items = new ArrayList<>();
                e.getValue().forEach(n -> items.add(n.asText()));
                out.put(e.getKey(), String.join("\n", items));
            } else {
                out.put(e.getKey(), e.getValue().asText());
            }
        });
        return out;
    }
}
