package io.konggitops.kong;

import java.util.Set;

/**
 * What {@code GET /} says about a Kong node. {@code database} is {@code off} for DB-less, else e.g. {@code postgres}.
 * {@code plugins} are the names in {@code plugins.available_on_server}; null when Kong did not say.
 */
public record KongRoot(String version, String database, String routerFlavor, Set<String> plugins) {
    public KongRoot {
        plugins = plugins == null ? null : Set.copyOf(plugins);
    }

    /** A Kong that did not list its plugins. */
    public KongRoot(String version, String database, String routerFlavor) {
        this(version, database, routerFlavor, null);
    }

    public boolean dbless() {
        return database == null || database.isEmpty() || "off".equals(database);
    }

    /** Whether the plugin is installed on this Kong; true when Kong did not list its plugins. */
    public boolean pluginAvailable(String plugin) {
        return plugins == null || plugins.contains(plugin);
    }

    public KongTarget target() {
        String flavor = routerFlavor == null || routerFlavor.isEmpty() ? "traditional_compatible" : routerFlavor;
        return new KongTarget(version, RouterFlavor.parse(flavor), dbless());
    }
}
