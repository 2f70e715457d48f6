package io.konggitops.kong.validation;

import io.konggitops.kong.EntityType;

/** Kong's schema for one entity kind ({@code kong/db/schema/entities/<kind>.lua}), as checks on a {@link Checks}. */
interface EntityRules {
    EntityType type();

    void check(Checks c);
}
