package io.konggitops.kong.kinds;

import io.konggitops.kong.KongEntity;

/**
 * Resolves what a foreign key of an entity points at to a name, within one side of a diff (desired or live), so
 * natural keys and labels hold names, never ids that differ between the sides.
 */
@FunctionalInterface
public interface Refs {
    /** The name of what {@code entity.field} points at; {@code ""} when the field is not set. */
    String name(KongEntity entity, String field);
}
