package io.konggitops.diff;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Record-level {@code shorthand_fields} (deprecated names Kong maps to new fields, e.g. rate-limiting's
 * {@code config.redis_host} for {@code config.redis.host}) folded onto their new fields, on both sides of a diff.
 *
 * <p>Kong moves a shorthand's value to its new field on write (the new field wins when both are set) and, since 3.7,
 * shows every shorthand again on read with the new field's value. decK clears the deprecated names that do not match
 * ({@code ClearUnmatchingDeprecations} in go-database-reconciler's {@code pkg/types/plugin.go}); here a desired
 * shorthand fills its new field when that is unset, and the shorthand names are then removed from both sides, so a
 * config written with {@code redis_host} compares equal to Kong's stored {@code redis.host}.
 */
final class ShorthandFolding {
    private ShorthandFolding() {
    }

    static void fold(Map<String, Object> m, Map<String, FieldSpec> specs) {
        for (FieldSpec spec : specs.values()) {
            if (!spec.isRecord() || !(m.get(spec.name()) instanceof Map<?, ?> raw)) continue;
            Map<String, Object> record = cast(raw);
            spec.shorthands().forEach((name, path) -> {
                Object value = record.remove(name);
                if (value != null && valueAt(record, path) == null) put(record, path, value);
            });
            fold(record, spec.fields());
        }
    }

    /** Dotted paths of the fields marked {@code encrypted} or {@code referenceable}, records included. */
    static void secretPaths(Map<String, FieldSpec> specs, String prefix, Set<String> out) {
        for (FieldSpec spec : specs.values()) {
            String path = prefix + spec.name();
            if (spec.secret()) out.add(path);
            if (spec.isRecord()) secretPaths(spec.fields(), path + ".", out);
            if (spec.elements() != null && spec.elements().secret()) out.add(path);
        }
    }

    private static Object valueAt(Map<String, Object> m, List<String> path) {
        Object cur = m;
        for (String step : path) {
            if (!(cur instanceof Map<?, ?> map)) return null;
            cur = map.get(step);
        }
        return cur;
    }

    private static void put(Map<String, Object> m, List<String> path, Object value) {
        Map<String, Object> cur = m;
        for (String step : path.subList(0, path.size() - 1)) {
            if (!(cur.get(step) instanceof Map<?, ?> next)) {
                Map<String, Object> created = new java.util.LinkedHashMap<>();
                cur.put(step, created);
                cur = created;
            } else {
                cur = cast(next);
            }
        }
        cur.put(path.get(path.size() - 1), value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
