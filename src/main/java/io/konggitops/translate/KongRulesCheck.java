package io.konggitops.translate;

import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.kong.KongTarget;
import io.konggitops.kong.validation.Dependents;
import io.konggitops.kong.validation.KongValidator;
import io.konggitops.kong.validation.Violation;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;
import io.konggitops.problem.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last translation step: every entity is checked against Kong's own rules ({@link KongValidator}). As in KIC's
 * fallback configuration, the Kubernetes object an entity Kong would reject comes from is left out whole, with every
 * entity that depends on it; each violation is an error on that object (file:line, field, Kong's wording, where the
 * field comes from and what to do), entities dropped for a dependency a warning on their own object.
 *
 * <p>An entity "comes from" the object named by its KIC tags ({@code k8s-kind}, {@code k8s-namespace},
 * {@code k8s-name}): a Kong service from its Kubernetes Service (whose annotations set its fields), a route from its
 * Ingress; entities without those tags (targets, SNIs) from their {@code source}.
 */
final class KongRulesCheck {
    private KongRulesCheck() {
    }

    static KongState apply(KongState state, KongTarget target, Diagnostics diag) {
        List<Violation> violations = KongValidator.validate(state, target);
        if (violations.isEmpty()) return state;
        Set<ObjectRef> bad = new LinkedHashSet<>();
        for (Violation v : violations) {
            KongEntity e = v.entity();
            ObjectRef object = objectOf(e);
            bad.add(object);
            diag.add(Problem.error(object, originOf(e, object, diag), "Kong would reject " + e.label() + ", field "
                    + v.field() + ": " + v.message() + "; " + object + " is left out with everything that depends on "
                    + "it", KongFieldSources.hint(v)));
        }
        Set<KongEntity> leftOut = new HashSet<>();
        for (KongEntity e : state.entities()) {
            if (bad.contains(objectOf(e))) leftOut.add(e);
        }
        Dependents.Pruned pruned = Dependents.prune(state, leftOut);
        Map<ObjectRef, List<KongEntity>> dependents = new LinkedHashMap<>();
        for (KongEntity d : pruned.dependents()) {
            if (!bad.contains(objectOf(d))) dependents.computeIfAbsent(objectOf(d), k -> new ArrayList<>()).add(d);
        }
        for (Map.Entry<ObjectRef, List<KongEntity>> entry : dependents.entrySet()) {
            KongEntity first = entry.getValue().get(0);
            diag.add(Problem.warning(entry.getKey(), originOf(first, entry.getKey(), diag),
                    "left out of the Kong configuration: " + String.join(", ",
                            entry.getValue().stream().map(KongEntity::label).toList())
                            + ", because what it depends on is left out as invalid (see the errors)",
                    "fix the invalid object; this one then comes back unchanged"));
        }
        return pruned.kept();
    }

    /** The Kubernetes object an entity's fields come from: its KIC tags, else its source. */
    static ObjectRef objectOf(KongEntity e) {
        String kind = null;
        String ns = "";
        String name = null;
        if (e.get("tags") instanceof List<?> tags) {
            for (Object t : tags) {
                String s = String.valueOf(t);
                if (s.startsWith("k8s-kind:")) kind = s.substring(9);
                else if (s.startsWith("k8s-namespace:")) ns = s.substring(14);
                else if (s.startsWith("k8s-name:")) name = s.substring(9);
            }
        }
        if (kind != null && name != null) return ObjectRef.of(kind, ns, name);
        if (e.source() != null) return e.source();
        return ObjectRef.of("KongEntity", "", e.label());
    }

    private static Origin originOf(KongEntity e, ObjectRef object, Diagnostics diag) {
        if (object.equals(e.source())) return e.origin();
        return diag.originOf(object).orElse(e.origin());
    }
}
