package io.konggitops.translate;

import io.konggitops.kong.CodeExecutingPlugins;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.kong.validation.Dependents;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Checks of the desired plugins against the Kong they go to and the job's policy, before anything is written:
 * <ul>
 *   <li>a plugin not in the live Kong's {@code plugins.available_on_server} is an error problem on its object, and is
 *   left out (Kong would answer 400 "plugin '...' not enabled"; KIC leaves such a plugin out of its configuration
 *   and reports it on the object, the rest of the configuration still goes out);</li>
 *   <li>a plugin named in {@code --deny-plugins} is an error problem, left out the same way;</li>
 *   <li>a plugin that runs code from its config ({@link CodeExecutingPlugins}) is a warning, so every report shows
 *   it.</li>
 * </ul>
 * Plugins have no dependents; the pruning still goes through {@link Dependents} so that stays true.
 */
public final class PluginPolicy {
    private PluginPolicy() {
    }

    /**
     * {@code available}: the live Kong's plugin names, null when unknown (offline, or Kong did not say);
     * {@code denied}: names refused by the job's settings.
     */
    public static Translation apply(Translation translation, Set<String> available, Set<String> denied) {
        KongState state = translation.desired();
        List<Problem> problems = new ArrayList<>(translation.problems());
        Set<KongEntity> leftOut = Collections.newSetFromMap(new IdentityHashMap<>());
        state.of(EntityType.PLUGIN).forEach(p -> {
            ObjectRef object = p.source() != null ? p.source() : ObjectRef.of("Kong", "", p.label());
            String name = p.name();
            if (name != null && denied.contains(name)) {
                problems.add(Problem.error(object, p.origin(), p.label() + " is denied by --deny-plugins (" + name
                        + "); it was left out", "remove the plugin from the manifests, or take " + name
                        + " off --deny-plugins / KONG_GITOPS_DENY_PLUGINS"));
                leftOut.add(p);
            } else if (name != null && available != null && !available.contains(name)) {
                problems.add(Problem.error(object, p.origin(), p.label() + ": plugin '" + name + "' is not installed on "
                        + "this Kong (not in plugins.available_on_server of GET /); it was left out",
                        "enable it in Kong's 'plugins' setting (KONG_PLUGINS), or remove it from the manifests"));
                leftOut.add(p);
            } else if (CodeExecutingPlugins.is(p)) {
                problems.add(Problem.warning(object, p.origin(), p.label() + " " + CodeExecutingPlugins.reason(p),
                        "review its code like any code deployed to the gateway; --deny-plugins " + name
                                + " refuses it"));
            }
        });
        if (leftOut.isEmpty()) return new Translation(state, problems, translation.gatewayStatus());
        return new Translation(Dependents.prune(state, leftOut).kept(), problems, translation.gatewayStatus());
    }
}
