package io.konggitops.kong.kinds;

import io.konggitops.kong.EntityType;

/**
 * A parent's field listing the names of its children ({@code certificate.snis}): the children are entities of
 * {@code kind} that point at the parent through {@code foreignKey}.
 */
public record ChildNames(String field, EntityType kind, String foreignKey) {
}
