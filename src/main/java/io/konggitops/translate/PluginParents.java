package io.konggitops.translate;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.problem.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plugins whose service, route or consumer is not in the Kong configuration (a KongConsumer left out for a conflict,
 * or one no translator made) are left out with a warning on their KongPlugin, instead of failing in Kong with a
 * foreign-key error.
 */
final class PluginParents {
    private static final Map<String, EntityType> PARENTS = Map.of("service", EntityType.SERVICE,
            "route", EntityType.ROUTE, "consumer", EntityType.CONSUMER);

    private PluginParents() {
    }

    static KongState prune(KongState state, Diagnostics diag) {
        Map<EntityType, Set<String>> present = Map.of(EntityType.SERVICE, keys(state, EntityType.SERVICE),
                EntityType.ROUTE, keys(state, EntityType.ROUTE), EntityType.CONSUMER, keys(state, EntityType.CONSUMER));
        List<KongEntity> kept = new ArrayList<>();
        for (KongEntity e : state.entities()) {
            String missing = e.type() == EntityType.PLUGIN ? missingParent(e, present) : null;
            if (missing == null) {
                kept.add(e);
                continue;
            }
            diag.add(Problem.warning(e.source(), e.origin(), "left out of the Kong configuration: " + e.label()
                    + ", because its " + missing + " is not in it", "fix the object the plugin is attached to"));
        }
        return kept.size() == state.size() ? state : new KongState(kept);
    }

    private static String missingParent(KongEntity plugin, Map<EntityType, Set<String>> present) {
        for (Map.Entry<String, EntityType> p : PARENTS.entrySet()) {
            String ref = plugin.foreignKey(p.getKey());
            if (ref != null && !present.get(p.getValue()).contains(ref)) return p.getKey() + " " + ref;
        }
        return null;
    }

    private static Set<String> keys(KongState state, EntityType type) {
        Set<String> out = new HashSet<>();
        state.of(type).forEach(e -> {
            for (String f : List.of("id", "name", "username", "custom_id")) {
                if (e.string(f) != null) out.add(e.string(f));
            }
        });
        return out;
    }
}
