package io.konggitops.kong.validation;

import io.konggitops.kong.KongEntity;

import java.util.Objects;

/**
 * One rule of Kong's schema that an entity breaks: the entity, the field path as Kong names it ({@code paths[0]},
 * {@code tags[2]}, {@code @entity} for a whole-entity check), Kong's own wording, and what to do about it.
 */
public record Violation(KongEntity entity, String field, String message, String hint) {
    public Violation {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    /** {@code route shop.web.00 field paths[0]: invalid regex ...}; never prints a field value that may be secret. */
    @Override
    public String toString() {
        return entity.label() + " field " + field + ": " + message;
    }
}
