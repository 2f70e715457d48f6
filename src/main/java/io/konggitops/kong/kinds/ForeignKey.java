package io.konggitops.kong.kinds;

import io.konggitops.kong.EntityType;

/** A foreign-key field ({@code route.service}) and the kind it points at. */
public record ForeignKey(String field, EntityType target) {
}
