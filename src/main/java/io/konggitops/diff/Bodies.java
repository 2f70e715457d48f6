package io.konggitops.diff;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.kinds.ChildNames;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** Builds what is written to Kong for a desired entity, and the small desired-state fix-ups before diffing. */
final class Bodies {
    private Bodies() {
    }

    /** The entity with every select tag in its {@code tags} (appended when missing), as decK merges them. */
    static KongEntity withTags(KongEntity e, List<String> selectTags) {
        if (selectTags.isEmpty()) return e;
        List<Object> tags = new ArrayList<>();
        if (e.get("tags") instanceof List<?> existing) tags.addAll(existing);
        boolean changed = false;
        for (String t : selectTags) {
            if (!tags.contains(t)) {
                tags.add(t);
                changed = true;
            }
        }
        return changed ? e.with("tags", tags) : e;
    }

    /**
     * SNI entities for desired certificates that list their host names in {@code snis} but have no SNI entity
     * pointing at them (KIC's certificate shape).
     */
    static List<KongEntity> snisFromCertificates(List<KongEntity> desired) {
        List<KongEntity> out = new ArrayList<>();
        for (EntityType parent : EntityType.values()) {
            ChildNames cn = parent.spec().childNames().orElse(null);
            if (cn != null) out.addAll(childrenFromNames(desired, parent, cn));
        }
        return out;
    }

    /** Child entities for the names a parent lists in {@code cn.field()} (certificate: SNIs). */
    private static List<KongEntity> childrenFromNames(List<KongEntity> desired, EntityType parent, ChildNames cn) {
        Set<String> certsWithSnis = new HashSet<>();
        Set<String> sniNames = new HashSet<>();
        for (KongEntity e : desired) {
            if (e.type() == cn.kind()) {
                String cert = e.foreignKey(cn.foreignKey());
                if (cert != null) certsWithSnis.add(cert);
                if (e.name() != null) sniNames.add(e.name());
            }
        }
        List<KongEntity> out = new ArrayList<>();
        for (KongEntity cert : desired) {
            if (cert.type() != parent || cert.id() == null || certsWithSnis.contains(cert.id())
                    || !(cert.get(cn.field()) instanceof List<?> snis)) {
                continue;
            }
            List<Object> names = new ArrayList<>(snis);
            names.sort(java.util.Comparator.comparing(s -> String.valueOf(s instanceof Map<?, ?> m ? m.get("name") : s)));
            for (Object s : names) {
                Object name = s instanceof Map<?, ?> m ? m.get("name") : s;
                if (name == null || !sniNames.add(name.toString())) continue;
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("name", name.toString());
                f.put(cn.foreignKey(), Map.of("id", cert.id()));
                if (cert.get("tags") != null) f.put("tags", cert.get("tags"));
                out.add(new KongEntity(cn.kind(), f, cert.source(), cert.origin()));
            }
        }
        return out;
    }

    /**
     * The body to PUT/POST: the desired entity with its final id, foreign keys resolved to ids, fields unknown to
     * Kong removed, and for a certificate update the SNI names Kong has now ({@code liveMatch} given), because a
     * certificate PUT without {@code snis} deletes them all. A created certificate is sent without {@code snis}: its
     * SNIs are separate (tagged) entities.
     */
    static KongEntity body(KongEntity d, String id, BiFunction<String, Object, Object> resolveRef,
                           List<String> unknownDropped, KongEntity liveMatch) {
        Map<String, Object> f = new TreeMap<>(d.fields());
        f.put("id", id);
        for (String fk : StateIndex.FOREIGN_KEYS.keySet()) {
            if (f.get(fk) != null) f.put(fk, resolveRef.apply(fk, f.get(fk)));
        }
        for (String path : unknownDropped) removePath(f, path);
        String childNames = d.type().spec().childNames().map(ChildNames::field).orElse(null);
        if (childNames != null) {
            if (liveMatch != null && liveMatch.get(childNames) instanceof List<?> current) {
                f.put(childNames, current);
            } else {
                f.remove(childNames);
            }
        }
        return new KongEntity(d.type(), f, d.source(), d.origin(), d.secretPaths());
    }

    /**
     * For a kind whose update merges ({@link io.konggitops.kong.kinds.WriteStrategy#mergesOnUpdate()}): the body with
     * Kong's default for every top-level field it leaves out ({@code weight: 100} for a target), so the write sets what the diff compared against. A target set to
     * weight 0 by hand (or drained) goes back to 100 when the desired state omits its weight.
     */
    static KongEntity withMergeDefaults(KongEntity body, java.util.Optional<EntitySchema> schema) {
        if (!body.type().spec().writeStrategy().mergesOnUpdate() || schema.isEmpty()) return body;
        KongEntity out = body;
        for (FieldSpec spec : schema.get().fields().values()) {
            if (spec.auto() || spec.transientField() || spec.isForeign()) continue;
            if (out.get(spec.name()) == null && spec.hasDefault() && spec.defaultValue() != null) {
                out = out.with(spec.name(), spec.defaultValue());
            }
        }
        return out;
    }

    private static void removePath(Map<String, Object> m, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            m.remove(path);
            return;
        }
        String head = path.substring(0, dot);
        if (m.get(head) instanceof Map<?, ?> sub) {
            Map<String, Object> copy = new TreeMap<>();
            sub.forEach((k, v) -> copy.put(String.valueOf(k), v));
            removePath(copy, path.substring(dot + 1));
            m.put(head, copy);
        }
    }
}
