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

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
    private static final Comparator<Map<String, Object>> BY_NAME_DESC = desc(m -> str(m.get("name")));

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

    /** The decK document as nested maps/lists (keys sorted). */
    public static Map<String, Object> toDeck(KongState state, boolean includeSecrets) {
        Map<String, String> serviceNames = names(state, EntityType.SERVICE, e -> e.name());
        Map<String, String> routeNames = names(state, EntityType.ROUTE, e -> e.name());
        Map<String, String> consumerNames = names(state, EntityType.CONSUMER,
                e -> e.string("username") != null ? e.string("username") : e.string("custom_id"));

        Map<String, Object> doc = new TreeMap<>();
        doc.put("_format_version", "3.0");

        List<Map<String, Object>> services = new ArrayList<>();
        Map<String, List<KongEntity>> routesByService = byParent(state, EntityType.ROUTE, "service");
        for (KongEntity s : list(state, EntityType.SERVICE)) {
            Map<String, Object> m = fields(s, includeSecrets);
            List<Map<String, Object>> routes = new ArrayList<>();
            for (KongEntity r : children(routesByService, s.id())) {
                Map<String, Object> rm = fields(r, includeSecrets);
                rm.remove("service");
                routes.add(rm);
            }
            routes.sort(BY_NAME_DESC);
            if (!routes.isEmpty()) m.put("routes", routes);
            services.add(m);
        }
        services.sort(BY_NAME_DESC);
        putIfNotEmpty(doc, "services", services);

        List<Map<String, Object>> upstreams = new ArrayList<>();
        List<KongEntity> allTargets = list(state, EntityType.TARGET);
        Map<String, List<KongEntity>> targetsByUpstream = byParent(allTargets, "upstream");
        for (KongEntity u : list(state, EntityType.UPSTREAM)) {
            Map<String, Object> m = fields(u, includeSecrets);
            List<Map<String, Object>> targets = new ArrayList<>();
            for (KongEntity t : children(allTargets, targetsByUpstream, u.name(), u.id())) {
                Map<String, Object> tm = fields(t, includeSecrets);
                tm.remove("upstream");
                targets.add(tm);
            }
            targets.sort(desc(x -> str(x.get("target"))));
            if (!targets.isEmpty()) m.put("targets", targets);
            upstreams.add(m);
        }
        upstreams.sort(BY_NAME_DESC);
        putIfNotEmpty(doc, "upstreams", upstreams);

        List<Map<String, Object>> certificates = new ArrayList<>();
        Map<String, List<KongEntity>> snisByCertificate = byParent(state, EntityType.SNI, "certificate");
        for (KongEntity c : list(state, EntityType.CERTIFICATE)) {
            Map<String, Object> m = fields(c, includeSecrets);
            List<Map<String, Object>> snis = new ArrayList<>();
            for (KongEntity sni : children(snisByCertificate, c.id())) {
                snis.add(fields(sni, includeSecrets));
            }
            snis.sort(Comparator.comparing(x -> str(x.get("name"))));
            if (!snis.isEmpty()) m.put("snis", snis);
            certificates.add(m);
        }
        certificates.sort(desc(x -> str(x.get("cert"))));
        putIfNotEmpty(doc, "certificates", certificates);

        List<Map<String, Object>> caCertificates = new ArrayList<>();
        for (KongEntity c : list(state, EntityType.CA_CERTIFICATE)) caCertificates.add(fields(c, includeSecrets));
        caCertificates.sort(desc(x -> str(x.get("cert"))));
        putIfNotEmpty(doc, "ca_certificates", caCertificates);

        List<Map<String, Object>> consumers = new ArrayList<>();
        Map<EntityType, Map<String, List<KongEntity>>> credentialsByConsumer = new EnumMap<>(EntityType.class);
        for (EntityType credType : EntityType.values()) {
            if (credType.isCredential()) credentialsByConsumer.put(credType, byParent(state, credType, "consumer"));
        }
        for (KongEntity c : list(state, EntityType.CONSUMER)) {
            Map<String, Object> m = fields(c, includeSecrets);
            for (EntityType credType : EntityType.values()) {
                if (!credType.isCredential()) continue;
                List<Map<String, Object>> creds = new ArrayList<>();
                for (KongEntity cred : children(credentialsByConsumer.get(credType), c.id())) {
                    Map<String, Object> cm = fields(cred, includeSecrets);
                    cm.remove("consumer");
                    creds.add(cm);
                }
                creds.sort(Comparator.comparing(DeckWriter::credentialKey));
                if (!creds.isEmpty()) m.put(credType.deckKey(), creds);
            }
            consumers.add(m);
        }
        consumers.sort(desc(x -> str(x.get("username") != null ? x.get("username") : x.get("custom_id"))));
        putIfNotEmpty(doc, "consumers", consumers);

        List<Map<String, Object>> plugins = new ArrayList<>();
        for (KongEntity p : list(state, EntityType.PLUGIN)) {
            Map<String, Object> m = fields(p, includeSecrets);
            byName(m, "service", p, serviceNames);
            byName(m, "route", p, routeNames);
            byName(m, "consumer", p, consumerNames);
            plugins.add(m);
        }
        plugins.sort(desc(DeckWriter::pluginString));
        putIfNotEmpty(doc, "plugins", plugins);
        return doc;
    }

    private static boolean hasSecrets(KongState state) {
        return state.entities().stream().anyMatch(e -> !redacted(e.type(), "", e.fields()).equals(e.fields()));
    }

    private static List<KongEntity> list(KongState state, EntityType type) {
        return state.of(type).toList();
    }

    /**
     * The entities of {@code type} by the id (or name) in their foreign-key {@code field}, each group in state order:
     * one pass instead of a scan of every child per parent (10,000 routes × their services was quadratic).
     */
    private static Map<String, List<KongEntity>> byParent(KongState state, EntityType type, String field) {
        return byParent(list(state, type), field);
    }

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

    /** Deckgen's plugin string: name plus the parents it is attached to. */
    private static String pluginString(Map<String, Object> p) {
        return str(p.get("name")) + str(p.get("consumer")) + str(p.get("consumer_group")) + str(p.get("route"))
                + str(p.get("service")) + str(p.get("instance_name"));
    }

    private static String credentialKey(Map<String, Object> c) {
        for (String k : List.of("key", "username", "name", "group", "client_id", "subject_name", "id")) {
            if (c.get(k) != null) return str(c.get(k));
        }
        return "";
    }

    private static Map<String, Object> fields(KongEntity e, boolean includeSecrets) {
        return includeSecrets ? new TreeMap<>(e.fields()) : redacted(e.type(), "", e.fields());
    }

    /** A copy of {@code fields} with every {@link SensitiveFields sensitive} value (at any depth) replaced. */
    private static Map<String, Object> redacted(EntityType type, String prefix, Map<?, ?> fields) {
        Map<String, Object> m = new TreeMap<>();
        fields.forEach((k, v) -> {
            String path = prefix + k;
            if (v != null && SensitiveFields.isSensitive(type, path)) {
                m.put(String.valueOf(k), REDACTED);
            } else if (v instanceof Map<?, ?> nested) {
                m.put(String.valueOf(k), redacted(type, path + ".", nested));
            } else {
                m.put(String.valueOf(k), v);
            }
        });
        return m;
    }

    private static void putIfNotEmpty(Map<String, Object> doc, String key, List<Map<String, Object>> list) {
        if (!list.isEmpty()) doc.put(key, list);
    }

    private static Comparator<Map<String, Object>> desc(Function<Map<String, Object>, String> key) {
        return Comparator.comparing(key, Comparator.reverseOrder());
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

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
