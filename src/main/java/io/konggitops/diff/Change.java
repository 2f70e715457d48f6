package io.konggitops.diff;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One planned write. {@code desired} is the body to send (null for deletes): the desired entity with its final
 * {@code id}, foreign keys as {@code {"id": ...}}, select tags, and for certificate updates the SNI names Kong has now
 * (so the PUT does not wipe them). {@code live} is the entity as read from Kong (null for creates). {@code fieldChanges}
 * lists what an update changes. {@code source}/{@code origin} name the manifest object (null for deletes).
 * {@code dependsOn} holds the {@link #key()}s of changes that must succeed before this one. {@code cause} says where
 * the change came from ({@link Attribution}); null when nobody attributed it.
 */
public record Change(Action action, EntityType type, String label, String id, KongEntity desired, KongEntity live,
                     List<FieldChange> fieldChanges, ObjectRef source, Origin origin, Set<String> dependsOn,
                     Cause cause) {

    /** A change nobody attributed (no cause). */
    public Change(Action action, EntityType type, String label, String id, KongEntity desired, KongEntity live,
                  List<FieldChange> fieldChanges, ObjectRef source, Origin origin, Set<String> dependsOn) {
        this(action, type, label, id, desired, live, fieldChanges, source, origin, dependsOn, null);
    }

    public Change {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(type, "type");
        fieldChanges = fieldChanges == null ? List.of() : List.copyOf(fieldChanges);
        dependsOn = dependsOn == null ? Set.of() : Set.copyOf(dependsOn);
    }

    /** {@code write:services:<id>} or {@code delete:routes:<id>}: what {@link #dependsOn()} refers to. */
    public String key() {
        return key(action == Action.DELETE, type, id);
    }

    static String key(boolean delete, EntityType type, String id) {
        return (delete ? "delete:" : "write:") + type.schemaName() + ":" + id;
    }

    /** The same change with another cause. */
    public Change withCause(Cause c) {
        return new Change(action, type, label, id, desired, live, fieldChanges, source, origin, dependsOn, c);
    }

    /** The entity this change is about: the body for creates/updates, the live entity for deletes. */
    public KongEntity entity() {
        return desired != null ? desired : live;
    }

    /** {@code create service shop.web.80}. Never contains field values. */
    @Override
    public String toString() {
        return action.name().toLowerCase(java.util.Locale.ROOT) + " " + label
                + (fieldChanges.isEmpty() ? "" : " " + fieldChanges);
    }
}
