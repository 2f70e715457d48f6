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
        return diff(type, desired, live, tolerantPaths, strict, Set.of());
    }

    /**
     * As above; {@code sensitivePaths} are further secret paths (schema {@code encrypted}/{@code referenceable}
     * fields, values from a Secret): a change at, under or above one of them shows no values.
     */
    static List<FieldChange> diff(EntityType type, Map<String, Object> desired, Map<String, Object> live,
                                  Set<String> tolerantPaths, boolean strict, Set<String> sensitivePaths) {
        List<FieldChange> out = new ArrayList<>();
        walk(type, "", desired, live, strict ? Set.of() : tolerantPaths, sensitivePaths, out);
        return out;
    }

    private static void walk(EntityType type, String prefix, Map<?, ?> desired, Map<?, ?> live, Set<String> tolerant,
                             Set<String> secretPaths, List<FieldChange> out) {
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
                walk(type, path + ".", a, b, tolerant, secretPaths, out);
                continue;
            }
            boolean sensitive = SensitiveFields.containsSensitive(type, path, after)
                    || SensitiveFields.containsSensitive(type, path, before) || touches(path, secretPaths);
            out.add(new FieldChange(path, before, after, sensitive));
        }
    }

    private static boolean touches(String path, Set<String> secretPaths) {
        for (String s : secretPaths) {
            if (path.equals(s) || path.startsWith(s + ".") || s.startsWith(path + ".")) return true;
        }
        return false;
    }

    private static boolean tolerated(String path, Set<String> tolerant) {
        if (tolerant.contains("")) return true;
        for (String t : tolerant) {
            if (path.equals(t) || path.startsWith(t + ".")) return true;
        }
        return false;
    }
}
