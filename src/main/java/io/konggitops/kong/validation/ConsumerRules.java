package io.konggitops.kong.validation;

import io.konggitops.kong.EntityType;

/** {@code kong/db/schema/entities/consumers.lua}: at least one of username and custom_id. */
final class ConsumerRules implements EntityRules {
    @Override
    public EntityType type() {
        return EntityType.CONSUMER;
    }

    @Override
    public void check(Checks c) {
        c.field("username", Typedef.string(s -> null), "");
        c.field("custom_id", Typedef.string(s -> null), "");
        Typedefs.tags(c);
        if (!c.present("username") && !c.present("custom_id")) {
            c.fail("@entity", "at least one of these fields must be non-empty: 'custom_id', 'username'",
                    "set the KongConsumer's username or custom_id");
        }
    }
}
