package io.konggitops.kong.validation;

import io.konggitops.kong.EntityType;

/**
 * {@code kong/db/schema/entities/plugins.lua}: the fields every plugin has (name, instance_name, protocols, tags). A
 * plugin's {@code config} is checked by Kong against the plugin's own schema, which is not modelled here.
 */
final class PluginRules implements EntityRules {
    @Override
    public EntityType type() {
        return EntityType.PLUGIN;
    }

    @Override
    public void check(Checks c) {
        c.required("name", "set the KongPlugin's plugin field");
        c.field("instance_name", Typedefs.UTF8_NAME_T, Typedefs.NAME_HINT);
        c.each("protocols", Typedefs.PROTOCOL, "use protocols Kong knows");
        Typedefs.tags(c);
    }
}
