package io.konggitops.kong.validation;

import io.konggitops.kong.EntityType;

/** {@code kong/db/schema/entities/targets.lua}: target is ip or hostname with optional port, weight 0..65535. */
final class TargetRules implements EntityRules {
    private static final Typedef TARGET = Typedef.string(t -> HostNames.normalize(t).ok() ? null
            : "Invalid target ('" + t + "'); not a valid hostname or ip address");

    @Override
    public EntityType type() {
        return EntityType.TARGET;
    }

    @Override
    public void check(Checks c) {
        c.required("upstream", "");
        c.required("target", "");
        c.field("target", TARGET, "use host:port or ip:port");
        c.field("weight", Typedef.between(0, 65535), "use a weight between 0 and 65535");
        Typedefs.tags(c);
    }
}
