package io.konggitops.kong;

import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One Kong entity as the Admin API represents it (flat JSON object, foreign keys as {@code {"id": ...}}), held as
 * canonical immutable JSON ({@link KongJson}). Exceptions to the Admin API shape, because the ID is not known before
 * Kong creates the parent: a target's {@code upstream} is {@code {"name": <upstream name>}} in a desired state.
 *
 * <p>{@code source} and {@code origin} name the manifest object the entity was translated from (null for entities
 * read from Kong), so an Admin API error can point at a file and line.
 *
 * <p>{@code secretPaths} are dot-separated field paths (e.g. {@code config.auth.token}) whose values came from a
 * Kubernetes Secret (a KongPlugin's {@code configFrom}/{@code configPatches}): they are masked in every output like
 * the fields {@link SensitiveFields} names. A path also covers everything below it. Never sent to Kong.
 */
public record KongEntity(EntityType type, Map<String, Object> fields, ObjectRef source, Origin origin,
                         java.util.Set<String> secretPaths) {
    public KongEntity {
        Objects.requireNonNull(type, "type");
        fields = KongJson.canonicalMap(fields);
        secretPaths = secretPaths == null ? java.util.Set.of() : java.util.Set.copyOf(secretPaths);
    }

    public KongEntity(EntityType type, Map<String, Object> fields, ObjectRef source, Origin origin) {
        this(type, fields, source, origin, java.util.Set.of());
    }

    /**
     * This entity with {@code paths} (dot-separated, e.g. {@code config.auth.token}; {@code config} for a whole
     * config from a Secret) added to its secret paths: the translator's way to say a value came from a Secret.
     */
    public KongEntity withSecretPaths(java.util.Collection<String> paths) {
        java.util.Set<String> all = new java.util.TreeSet<>(secretPaths);
        all.addAll(paths);
        return new KongEntity(type, fields, source, origin, all);
    }

    /** Whether the value at {@code path} came from a Secret: the path or one of its ancestors is a secret path. */
    public boolean secretPath(String path) {
        for (String p : secretPaths) {
            if (path.equals(p) || path.startsWith(p + ".")) return true;
        }
        return false;
    }

    /** An entity with no manifest source (e.g. read from Kong); {@code fields} may hold null values. */
    public static KongEntity of(EntityType type, Map<String, ?> fields) {
        return new KongEntity(type, new TreeMap<>(fields), null, null);
    }

    public String id() {
        return string("id");
    }

    public String name() {
        return string("name");
    }

    public Object get(String field) {
        return fields.get(field);
    }

    public String string(String field) {
        Object v = fields.get(field);
        return v == null ? null : v.toString();
    }

    /** The {@code id} (or {@code name}) inside a foreign-key field such as {@code route.service}. */
    public String foreignKey(String field) {
        if (fields.get(field) instanceof Map<?, ?> ref) {
            Object id = ref.get("id");
            if (id == null) id = ref.get("name");
            return id == null ? null : id.toString();
        }
        return null;
    }

    public KongEntity with(String field, Object value) {
        Map<String, Object> copy = new TreeMap<>(fields);
        copy.put(field, value);
        return new KongEntity(type, copy, source, origin, secretPaths);
    }

    public KongEntity without(String field) {
        Map<String, Object> copy = new TreeMap<>(fields);
        copy.remove(field);
        return new KongEntity(type, copy, source, origin, secretPaths);
    }

    public KongEntity withSource(ObjectRef source, Origin origin) {
        return new KongEntity(type, fields, source, origin, secretPaths);
    }

    /**
     * Never prints field values that may be secret (certificate keys, credentials): only the kind, label, id and
     * source. Use {@link #fields()} deliberately when values are needed.
     */
    @Override
    public String toString() {
        return "KongEntity[" + label() + (id() == null ? "" : ", id=" + id())
                + (source == null ? "" : ", source=" + source) + (origin == null ? "" : ", origin=" + origin) + "]";
    }

    /** {@code service foo-namespace.foo-svc.80}, {@code target 10.0.0.1:80}: how reports and errors name it. */
    public String label() {
        String n = null;
        for (String f : type.spec().labelFields()) {
            n = string(f);
            if (n != null) break;
        }
        return type.schemaName() + " " + (n == null ? "(unnamed)" : n);
    }
}
