package io.konggitops.diff;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.SensitiveFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Field-level comparison of two normalised entities (JOSDK-style matcher): objects are compared key by key with
 * dotted paths, arrays and scalars as whole values. A value only the live side has is tolerated under a tolerant path
 * (no schema to tell a server default from drift) unless strict.
 */
final class FieldDiff {
    private FieldDiff() {
    }

    static List<FieldChange> diff(EntityType type, Map<String, Object> desired, Map<String, Object> live,
                                  Set<String> tolerantPaths, boolean strict) {
        List<FieldChange> out = new ArrayList<>();
        walk(type, "", desired, live, strict ? Set.of() : tolerantPaths, out);
        return out;
    }

    private static void walk(EntityType type, String prefix, Map<?, ?> desired, Map<?, ?> live, Set<String> tolerant,
                             List<FieldChange> out) {
        Set<String> keys = new TreeSet<>();
        desired.keySet().forEach(k -> keys.add(String.valueOf(k)));
        live.keySet().forEach(k -> keys.add(String.valueOf(k)));
        for (String k : keys) {
            String path = prefix + k;
            Object after = desired.get(k);
            Object before = live.get(k);
            if (Objects.equals(after, before)) continue;
            if (after == null && tolerated(path, tolerant)) continue;
            if (after instanceof Map<?, ?> a && before instanceof Map<?, ?> b) {
                walk(type, path + ".", a, b, tolerant, out);
                continue;
            }
            boolean sensitive = SensitiveFields.containsSensitive(type, path, after)
                    || SensitiveFields.containsSensitive(type, path, before);
            out.add(new FieldChange(path, before, after, sensitive));
        }
    }

    private static boolean tolerated(String path, Set<String> tolerant) {
        if (tolerant.contains("")) return true;
        for (String t : tolerant) {
            if (path.equals(t) || path.startsWith(t + ".")) return true;
        }
        return false;
    }
}
