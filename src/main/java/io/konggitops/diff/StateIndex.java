package io.konggitops.diff;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.kinds.Kinds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One side of a diff indexed for lookups: entities by id and by name per kind, and the natural keys that identify
 * an entity across sides (decK's "name or natural key" resolution). Foreign keys are resolved to the referenced
 * entity's name through the same side, so a plugin or target is identified by names, never by ids that differ.
 */
final class StateIndex {
    /** Foreign-key fields and the kind they point at. */
    static final Map<String, EntityType> FOREIGN_KEYS = Kinds.foreignKeys();

    private final List<KongEntity> entities;
    private final Map<String, KongEntity> byId = new HashMap<>();
    private final Map<String, KongEntity> byName = new HashMap<>();

    StateIndex(List<KongEntity> entities) {
        this.entities = List.copyOf(entities);
        for (KongEntity e : this.entities) {
            if (e.id() != null) byId.putIfAbsent(e.type() + ":" + e.id(), e);
            String n = refName(e);
            if (n != null) byName.putIfAbsent(e.type() + ":" + n, e);
        }
    }

    List<KongEntity> entities() {
        return entities;
    }

    Optional<KongEntity> byId(EntityType type, String id) {
        return Optional.ofNullable(id == null ? null : byId.get(type + ":" + id));
    }

    /** The entity a foreign-key object ({@code {"id": ..}} or {@code {"name": ..}}) points at, in this side. */
    Optional<KongEntity> referenced(EntityType type, Object ref) {
        if (!(ref instanceof Map<?, ?> m)) return Optional.empty();
        if (m.get("id") != null) {
            Optional<KongEntity> e = byId(type, String.valueOf(m.get("id")));
            if (e.isPresent()) return e;
        }
        Object name = m.get("name");
        return Optional.ofNullable(name == null ? null : byName.get(type + ":" + name));
    }

    /** Children in this side whose foreign keys point at {@code parent} (by id). */
    List<KongEntity> children(KongEntity parent) {
        List<KongEntity> out = new ArrayList<>();
        if (parent.id() == null) return out;
        for (KongEntity e : entities) {
            for (Map.Entry<String, EntityType> fk : FOREIGN_KEYS.entrySet()) {
                if (fk.getValue() == parent.type() && e.get(fk.getKey()) instanceof Map<?, ?> ref
                        && parent.id().equals(String.valueOf(ref.get("id")))) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** How a reference names an entity: name, or username/custom_id for consumers. */
    static String refName(KongEntity e) {
        return e.type().spec().referenceName(e);
    }

    /** The name of what {@code entity.field} points at, resolved in this side; {@code #id} when outside it. */
    String refKey(KongEntity entity, String field) {
        Object ref = entity.get(field);
        if (!(ref instanceof Map<?, ?> m)) return "";
        Optional<KongEntity> target = referenced(FOREIGN_KEYS.get(field), ref);
        if (target.isPresent() && refName(target.get()) != null) return refName(target.get());
        Object id = m.get("id") != null ? m.get("id") : m.get("name");
        return "#" + id;
    }

    /**
     * Natural keys identifying an entity, most significant first (consumers: username, then custom_id). Every key
     * is also unique in Kong, except a certificate's PEM.
     */
    List<String> naturalKeys(KongEntity e) {
        return e.type().spec().naturalKeys(e, this::refKey);
    }

    /** Natural keys Kong enforces as unique (a second entity with one answers 409). */
    List<String> uniqueKeys(KongEntity e) {
        return e.type().spec().naturalKeysUnique() ? naturalKeys(e) : List.of();
    }
}
