package io.konggitops.kong.deck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.kong.SensitiveFields;
import io.konggitops.kong.kinds.DeckNesting;
import io.konggitops.kong.kinds.EntitySpec;
import io.konggitops.kong.kinds.Kinds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes a {@link KongState} as a decK file ({@code _format_version: "3.0"}) in the shape KIC's deckgen produces:
 * services with nested routes, upstreams with nested targets, certificates with nested SNIs
 * ({@code {name, certificate: {id}}}), consumers with nested credentials, top-level plugins that name their
 * service/route/consumer. Arrays are sorted as deckgen sorts them (descending by name, target or PEM; SNIs by name),
 * keys alphabetically, so equal states give byte-identical text. Secret fields ({@link SensitiveFields}, by field name at any depth) are redacted
 * unless {@code includeSecrets}.
 */
public final class DeckWriter {
    public enum Format { YAML, JSON }

    /** What a secret value is replaced by unless secrets are asked for. */
    public static final String REDACTED = "<redacted: run render --include-secrets to include>";

    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .stringQuotingChecker(new KongPathQuoting()).build())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DeckWriter() {
    }

    public static String write(KongState state, Format format, boolean includeSecrets) {
        Map<String, Object> doc = toDeck(state, includeSecrets);
        try {
            if (format == Format.JSON) {
                return JSON.writeValueAsString(doc) + "\n";
            }
            String header = includeSecrets || !hasSecrets(state) ? ""
                    : "# Secret values (certificate keys, credentials) are redacted; run render --include-secrets "
                    + "to include them.\n";
            return header + YAML.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise decK content", e);
        }
    }

    /**
     * The decK document as nested maps/lists (keys sorted). Each kind's spec says where it goes: at the top under its
     * decK key, or nested under its parent ({@link EntitySpec#deckParents()}), which foreign keys are written by name,
     * and the order of the entries.
     */
    public static Map<String, Object> toDeck(KongState state, boolean includeSecrets) {
        Map<String, Object> doc = new TreeMap<>();
        doc.put("_format_version", "3.0");
        Map<EntityType, Map<String, String>> names = new EnumMap<>(EntityType.class);
        for (EntityType type : EntityType.values()) {
            EntitySpec spec = type.spec();
            if (spec.deckWrittenNested()) continue;
            List<Nested> nested = new ArrayList<>();
            for (EntityType child : EntityType.values()) {
                if (child.spec().deckWrittenNested() && child.spec().deckParents().get(0).parent() == type) {
                    DeckNesting n = child.spec().deckParents().get(0);
                    List<KongEntity> all = list(state, child);
                    nested.add(new Nested(child, n, all, byParent(all, n.foreignKey())));
                }
            }
            List<Map<String, Object>> entries = new ArrayList<>();
            for (KongEntity e : list(state, type)) {
                Map<String, Object> m = fields(e, includeSecrets);
                for (Nested n : nested) {
                    List<Map<String, Object>> children = new ArrayList<>();
                    List<KongEntity> found = n.nesting().parentByName()
                            ? children(n.all(), n.byParent(), spec.referenceName(e), e.id())
                            : children(n.byParent(), e.id());
                    for (KongEntity child : found) {
                        Map<String, Object> cm = fields(child, includeSecrets);
                        if (!n.nesting().keepsForeignKey()) cm.remove(n.nesting().foreignKey());
                        children.add(cm);
                    }
                    children.sort(n.type().spec().deckOrder());
                    if (!children.isEmpty()) m.put(n.nesting().key(), children);
                }
                for (String fk : spec.deckReferencesByName()) {
                    EntityType target = Kinds.foreignKeys().get(fk);
                    byName(m, fk, e, names.computeIfAbsent(target, t -> names(state, t, t.spec()::referenceName)));
                }
                entries.add(m);
            }
            entries.sort(spec.deckOrder());
            putIfNotEmpty(doc, spec.deckKey(), entries);
        }
        return doc;
    }

    /** The entities of a kind written nested under their parents, grouped by parent. */
    private record Nested(EntityType type, DeckNesting nesting, List<KongEntity> all,
                          Map<String, List<KongEntity>> byParent) {
    }

    /** Whether {@link #redacted} changes any entity: a sensitive value that is not already the placeholder. */
    private static boolean hasSecrets(KongState state) {
        return state.entities().stream().anyMatch(e -> hasSecret(e, "", e.fields()));
    }

    private static boolean hasSecret(KongEntity e, String prefix, Map<?, ?> fields) {
        for (Map.Entry<?, ?> f : fields.entrySet()) {
            String path = prefix + f.getKey();
            Object v = f.getValue();
            if (v != null && SensitiveFields.isSensitive(e, path)) {
                if (!REDACTED.equals(v)) return true;
            } else if (v instanceof Map<?, ?> nested && hasSecret(e, path + ".", nested)) {
                return true;
            }
        }
        return false;
    }

    private static List<KongEntity> list(KongState state, EntityType type) {
        return state.of(type).toList();
    }

    /**
     * The entities by the id (or name) in their foreign-key {@code field}, each group in state order: one pass
     * instead of a scan of every child per parent (10,000 routes × their services was quadratic).
     */
    private static Map<String, List<KongEntity>> byParent(List<KongEntity> entities, String field) {
        Map<String, List<KongEntity>> out = new HashMap<>();
        for (KongEntity e : entities) {
            String parent = e.foreignKey(field);
            if (parent != null) out.computeIfAbsent(parent, k -> new ArrayList<>()).add(e);
        }
        return out;
    }

    /** The children whose foreign key is {@code parentId}; none for a parent without id. */
    private static List<KongEntity> children(Map<String, List<KongEntity>> byParent, String parentId) {
        return parentId == null ? List.of() : byParent.getOrDefault(parentId, List.of());
    }

    /** The children whose foreign key is the parent's name or id, in the order of {@code all}. */
    private static List<KongEntity> children(List<KongEntity> all, Map<String, List<KongEntity>> byParent,
                                             String name, String id) {
        List<KongEntity> byName = children(byParent, name);
        if (id == null || id.equals(name)) return byName;
        List<KongEntity> byId = children(byParent, id);
        if (byName.isEmpty()) return byId;
        if (byId.isEmpty()) return byName;
        Set<KongEntity> both = Collections.newSetFromMap(new IdentityHashMap<>());
        both.addAll(byName);
        both.addAll(byId);
        return all.stream().filter(both::contains).toList();
    }

    private static Map<String, String> names(KongState state, EntityType type, Function<KongEntity, String> name) {
        Map<String, String> out = new HashMap<>();
        state.of(type).forEach(e -> {
            if (e.id() != null && name.apply(e) != null) out.put(e.id(), name.apply(e));
        });
        return out;
    }

    private static void byName(Map<String, Object> m, String field, KongEntity p, Map<String, String> names) {
        String ref = p.foreignKey(field);
        if (ref != null) m.put(field, names.getOrDefault(ref, ref));
    }

    private static Map<String, Object> fields(KongEntity e, boolean includeSecrets) {
        return includeSecrets ? new TreeMap<>(e.fields()) : redacted(e, "", e.fields());
    }

    /** A copy of {@code fields} with every {@link SensitiveFields sensitive} value (at any depth) replaced. */
    private static Map<String, Object> redacted(KongEntity e, String prefix, Map<?, ?> fields) {
        Map<String, Object> m = new TreeMap<>();
        fields.forEach((k, v) -> {
            String path = prefix + k;
            if (v != null && SensitiveFields.isSensitive(e, path)) {
                m.put(String.valueOf(k), REDACTED);
            } else if (v instanceof Map<?, ?> nested) {
                m.put(String.valueOf(k), redacted(e, path + ".", nested));
            } else {
                m.put(String.valueOf(k), v);
            }
        });
        return m;
    }

    private static void putIfNotEmpty(Map<String, Object> doc, String key, List<Map<String, Object>> list) {
        if (!list.isEmpty()) doc.put(key, list);
    }

    /** Kong regex paths such as {@code ~/foo$} need no quotes (only a lone {@code ~} means null), as in KIC's output. */
    private static final class KongPathQuoting extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteValue(String value) {
            if (value.length() > 1 && value.charAt(0) == '~') {
                return super.needToQuoteValue("x" + value.substring(1));
            }
            return super.needToQuoteValue(value);
        }
    }
}
