package io.konggitops.kong.validation;

import io.konggitops.kong.EntityType;

/** {@code kong/db/schema/entities/snis.lua}: name is a wildcard host; certificate required. */
final class SniRules implements EntityRules {
    @Override
    public EntityType type() {
        return EntityType.SNI;
    }

    @Override
    public void check(Checks c) {
        c.required("name", "");
        c.field("name", Typedefs.WILDCARD_HOST, "list TLS hosts as DNS names (one wildcard as the leftmost "
                + "label at most), not IP addresses and without port");
        c.required("certificate", "");
        Typedefs.tags(c);
    }
}
