package io.konggitops.diff;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Problem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The diff stage: compares the desired state with the owned part of the live state and plans the writes.
 *
 * <ol>
 *   <li>Live entities without every select tag are not ours: left out (and never changed).</li>
 *   <li>Each desired entity is matched to a live one by id, else by natural key (name; (upstream, target);
 *   (plugin, service, route, consumer); PEM; username/custom_id; credential key). A desired entity with a pinned id
 *   never adopts a live entity with another id: that live entity is replaced (deleted, then the desired one
 *   created).</li>
 *   <li>A live entity to delete whose unique key a desired entity takes is deleted first (phase
 *   {@link Phase#FREE_NAMES}), with every live entity that references it, so no create or rename answers 409.</li>
 *   <li>Matched pairs are normalised ({@link Normalizer}) and compared field by field.</li>
 * </ol>
 */
public final class Differ {
    private Differ() {
    }

    public static Plan diff(KongState desired, KongState live, Schemas schemas, DiffOptions options) {
        return new Run(schemas, options).diff(desired, live);
    }

    /**
     * The kinds a diff restricted to {@code kinds} must read: those, and every kind their desired entities reference
     * through a foreign key, transitively (a plugin on a route needs the routes and their services read, or the
     * references could not be resolved to live ids).
     */
    public static Set<EntityType> kindsToCompare(KongState desired, Set<EntityType> kinds) {
        Set<EntityType> out = java.util.EnumSet.noneOf(EntityType.class);
        out.addAll(kinds);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (KongEntity e : desired.entities()) {
                if (!out.contains(e.type())) continue;
                for (Map.Entry<String, EntityType> fk : StateIndex.FOREIGN_KEYS.entrySet()) {
                    if (e.get(fk.getKey()) != null && out.add(fk.getValue())) grew = true;
                }
            }
        }
        return out;
    }

    private static final class Run {
        private final Schemas schemas;
        private final DiffOptions options;
        private final Normalizer normalizer;
        private final List<Problem> warnings = new ArrayList<>();
        private StateIndex want;
        private StateIndex have;
        private final Map<KongEntity, KongEntity> matchOf = new IdentityHashMap<>();
        private final Map<KongEntity, String> finalId = new IdentityHashMap<>();

        Run(Schemas schemas, DiffOptions options) {
            this.schemas = schemas;
            this.options = options;
            this.normalizer = new Normalizer(schemas);
        }

        Plan diff(KongState desiredState, KongState liveState) {
            want = new StateIndex(prepareDesired(desiredState));
            List<KongEntity> owned = liveState.entities().stream().filter(this::owned).toList();
            int foreign = liveState.size() - owned.size();
            if (foreign > 0) {
                warnings.add(Problem.warning(ObjectRef.of("Kong", "", "live state"), null, foreign
                        + " live entities do not carry the select tags " + options.selectTags() + " and are ignored",
                        "they are not managed by this job and are never changed or deleted"));
            }
            have = new StateIndex(owned);
            match();
            Set<KongEntity> replaced = entitiesToFreeFirst();

            Map<Phase, Map<Integer, List<Change>>> steps = new LinkedHashMap<>();
            for (Phase p : Phase.values()) steps.put(p, new java.util.TreeMap<>());
            Set<KongEntity> liveKept = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            int unchanged = 0;
            List<KongEntity> deletes = new ArrayList<>();
            List<KongEntity> applied = new ArrayList<>();
            for (KongEntity d : want.entities()) {
                KongEntity l = matchOf.get(d);
                if (l != null && !replaced.contains(l)) liveKept.add(l);
                Normalizer.Normalized nd = normalizer.normalize(fkResolved(d), true);
                for (String path : nd.unknownDropped()) {
                    warnings.add(Problem.warning(sourceOf(d), d.origin(), d.label() + ": field '" + path
                            + "' is not known to this Kong version and was dropped",
                            "remove it, or upgrade Kong to a version that supports it"));
                }
                // every write records what it wrote (the hash of the comparable form), for attribution later
                String hash = AppliedTag.hash(nd.fields());
                String tag = AppliedTag.PREFIX + hash;
                applied.add(AppliedTag.with(d, tag));
                KongEntity liveMatch = l != null && !replaced.contains(l) ? l : null;
                Change change;
                Normalizer.Normalized nl = l == null ? null : normalizer.normalize(AppliedTag.strip(l), false);
                Set<String> tolerant = new HashSet<>(nd.tolerantPaths());
                if (nl != null) tolerant.addAll(nl.tolerantPaths());
                if (l == null || replaced.contains(l)) {
                    Cause cause = l == null ? Cause.GIT
                            : Attribution.update(hash, AppliedTag.recorded(l), nl.fields(), nd.fields(), tolerant);
                    change = change(Action.CREATE, d, body(d, nd, liveMatch, tag), null, List.of()).withCause(cause);
                } else {
                    Set<String> secret = new HashSet<>(nd.sensitivePaths());
                    secret.addAll(nl.sensitivePaths());
                    secret.addAll(d.secretPaths());
                    Map<String, Object> desiredFields = new LinkedHashMap<>(nd.fields());
                    d.type().spec().asStoredBy(desiredFields, l);
                    List<FieldChange> fcs = FieldDiff.diff(d.type(), desiredFields, nl.fields(), tolerant,
                            options.strict(), secret);
                    if (fcs.isEmpty()) {
                        unchanged++;
                        continue;
                    }
                    change = change(Action.UPDATE, d, body(d, nd, liveMatch, tag), l, fcs).withCause(
                            Attribution.update(hash, AppliedTag.recorded(l), nl.fields(), nd.fields(), tolerant));
                }
                add(steps, Phase.CREATE_UPDATE, change);
            }
            for (KongEntity l : have.entities()) {
                if (!liveKept.contains(l)) deletes.add(l);
            }
            for (KongEntity l : deletes) {
                Set<String> deps = new LinkedHashSet<>();
                for (KongEntity child : have.children(l)) {
                    if (!liveKept.contains(child)) deps.add(Change.key(true, child.type(), child.id()));
                }
                Normalizer.Normalized nl = normalizer.normalize(AppliedTag.strip(l), false);
                Cause cause = Attribution.delete(AppliedTag.recorded(l), nl.fields(), nl.tolerantPaths());
                // a live entity has no manifest; the base of diff --base-ref does: the delete points at it there
                Change c = new Change(Action.DELETE, l.type(), label(l, have), l.id(), null, l, List.of(),
                        l.source(), l.origin(), deps, cause);
                add(steps, replaced.contains(l) ? Phase.FREE_NAMES : Phase.DELETE, c);
            }
            List<PlanStep> ordered = new ArrayList<>();
            for (Map.Entry<Phase, Map<Integer, List<Change>>> p : steps.entrySet()) {
                List<Integer> levels = new ArrayList<>(p.getValue().keySet());
                if (p.getKey() != Phase.CREATE_UPDATE) java.util.Collections.reverse(levels);
                for (int level : levels) ordered.add(new PlanStep(p.getKey(), level, p.getValue().get(level)));
            }
            Plan plan = new Plan(ordered, unchanged, new KongState(applied), have.entities().size(),
                    warnings);
            assertOwnership(plan);
            return plan;
        }

        private List<KongEntity> prepareDesired(KongState desired) {
            List<KongEntity> out = new ArrayList<>();
            for (KongEntity e : desired.entities()) {
                out.add(Bodies.withTags(AppliedTag.strip(e), options.selectTags()));
            }
            out.addAll(Bodies.snisFromCertificates(out));
            // a second desired entity with the same natural key cannot exist in Kong: keep the first
            StateIndex probe = new StateIndex(out);
            Set<String> seen = new HashSet<>();
            List<KongEntity> unique = new ArrayList<>();
            for (KongEntity e : out) {
                List<String> keys = probe.naturalKeys(e);
                String first = keys.isEmpty() ? null : e.type() + "|" + keys.get(0);
                if (first != null && !seen.add(first)) {
                    warnings.add(Problem.warning(sourceOf(e), e.origin(), e.label()
                            + " is desired twice; only the first one is kept", "give the entities distinct names"));
                    continue;
                }
                if (keys.isEmpty() && e.id() == null) {
                    warnings.add(Problem.warning(sourceOf(e), e.origin(), e.label()
                            + " has neither an id nor a natural key (name) and cannot be matched with Kong",
                            "give it a name; it is re-created on every run otherwise"));
                }
                unique.add(e);
            }
            return unique;
        }

        private boolean owned(KongEntity live) {
            return live.get("tags") instanceof List<?> tags
                    ? tags.containsAll(options.selectTags()) : options.selectTags().isEmpty();
        }

        private void match() {
            Map<String, KongEntity> liveByKey = new HashMap<>();
            for (KongEntity l : have.entities()) {
                for (String k : have.naturalKeys(l)) liveByKey.putIfAbsent(l.type() + "|" + k, l);
            }
            Set<KongEntity> taken = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (KongEntity d : want.entities()) {
                KongEntity l = d.id() == null ? null : have.byId(d.type(), d.id()).orElse(null);
                if (l == null) {
                    for (String k : want.naturalKeys(d)) {
                        KongEntity cand = liveByKey.get(d.type() + "|" + k);
                        if (cand != null && !taken.contains(cand)) {
                            if (d.id() == null || d.id().equals(cand.id())) l = cand;
                            break;
                        }
                    }
                }
                if (l == null && d.id() == null) {
                    // the id this job generates for it: a live entity with it is the one created earlier, its
                    // natural key edited by hand (an update; creating it again would overwrite it under that id)
                    KongEntity earlier = have.byId(d.type(), generatedId(d)).orElse(null);
                    if (earlier != null && !taken.contains(earlier)) l = earlier;
                }
                if (l != null && taken.add(l)) matchOf.put(d, l);
                // a live entity read from a decK file may have no id (upstreams, targets, SNIs): generate one then
                String id = d.id() != null ? d.id() : l != null && l.id() != null ? l.id() : generatedId(d);
                finalId.put(d, id);
            }
        }

        private String generatedId(KongEntity d) {
            List<String> keys = want.naturalKeys(d);
            String seed = "kong-gitops/" + d.type().schemaName() + "/" + (keys.isEmpty() ? d.fields() : keys.get(0));
            return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
        }

        /** Live entities to delete before any write: those whose unique key a desired entity claims, + dependants. */
        private Set<KongEntity> entitiesToFreeFirst() {
            Set<String> claimed = new HashSet<>();
            for (KongEntity d : want.entities()) {
                for (String k : want.uniqueKeys(d)) claimed.add(d.type() + "|" + k);
            }
            Set<KongEntity> matched = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            matched.addAll(matchOf.values());
            Set<KongEntity> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            Deque<KongEntity> queue = new ArrayDeque<>();
            for (KongEntity l : have.entities()) {
                if (matched.contains(l)) continue;
                for (String k : have.uniqueKeys(l)) {
                    if (claimed.contains(l.type() + "|" + k)) {
                        queue.add(l);
                        break;
                    }
                }
            }
            while (!queue.isEmpty()) {
                KongEntity l = queue.poll();
                if (out.add(l)) queue.addAll(have.children(l));
            }
            return out;
        }

        /** The desired entity with foreign keys as {@code {"id": final id}} (targets: the upstream is in the key). */
        private KongEntity fkResolved(KongEntity d) {
            KongEntity e = d;
            for (String fk : StateIndex.FOREIGN_KEYS.keySet()) {
                if (d.get(fk) == null) continue;
                if (d.type().spec().parentKey().filter(fk::equals).isPresent()) {
                    e = e.without(fk);
                } else {
                    e = e.with(fk, resolveRef(fk, d.get(fk)));
                }
            }
            return e;
        }

        /**
         * What the write of {@code d} sends: final id, foreign keys resolved, merge defaults, the applied tag. Built
         * only for entities that change (most of a no-op diff's entities do not).
         */
        private KongEntity body(KongEntity d, Normalizer.Normalized nd, KongEntity liveMatch, String tag) {
            KongEntity body = Bodies.body(d, finalId.get(d), this::resolveRef, nd.unknownDropped(), liveMatch);
            body = Bodies.withMergeDefaults(body, schemas.entity(d.type()));
            return AppliedTag.with(body, tag);
        }

        /** A desired foreign-key object as {@code {"id": ...}} with the referenced entity's final id. */
        Object resolveRef(String field, Object ref) {
            EntityType type = StateIndex.FOREIGN_KEYS.get(field);
            var target = want.referenced(type, ref);
            if (target.isPresent()) return Map.of("id", finalId.get(target.get()));
            var liveTarget = have.referenced(type, ref);
            if (liveTarget.isPresent() && liveTarget.get().id() != null) return Map.of("id", liveTarget.get().id());
            return ref;
        }

        private Change change(Action action, KongEntity d, KongEntity body, KongEntity live, List<FieldChange> fcs) {
            Set<String> deps = new LinkedHashSet<>();
            for (String fk : StateIndex.FOREIGN_KEYS.keySet()) {
                var target = want.referenced(StateIndex.FOREIGN_KEYS.get(fk), d.get(fk));
                if (target.isPresent() && target.get() != d) {
                    deps.add(Change.key(false, target.get().type(), finalId.get(target.get())));
                }
            }
            KongEntity l = matchOf.get(d);
            if (action == Action.CREATE && l != null) deps.add(Change.key(true, l.type(), l.id()));
            return new Change(action, d.type(), label(d, want), finalId.get(d), body, live, fcs, d.source(),
                    d.origin(), deps);
        }

        private static String label(KongEntity e, StateIndex side) {
            return e.type().spec().changeLabel(e, (entity, field) -> strip(side.refKey(entity, field)));
        }

        private static String strip(String refKey) {
            return refKey.startsWith("#") ? refKey.substring(1) : refKey;
        }

        private static ObjectRef sourceOf(KongEntity e) {
            return e.source() != null ? e.source() : ObjectRef.of("Kong " + e.type().schemaName(), "", e.label());
        }

        private static void add(Map<Phase, Map<Integer, List<Change>>> steps, Phase phase, Change c) {
            steps.get(phase).computeIfAbsent(DependencyOrder.level(c.type()), k -> new ArrayList<>()).add(c);
        }

        private void assertOwnership(Plan plan) {
            for (Change c : plan.changes()) {
                if (c.live() != null && !owned(c.live())) {
                    throw new IllegalStateException("planned to " + c.action() + " " + c.label()
                            + " which does not carry the select tags " + options.selectTags());
                }
            }
        }
    }

}
