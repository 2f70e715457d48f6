package io.konggitops.kong.deck;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.kong.kinds.DeckNesting;
import io.konggitops.kong.kinds.ForeignKey;
import io.konggitops.kong.kinds.Kinds;
import io.konggitops.problem.KongGitopsException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a decK file (YAML or JSON, {@code _format_version} 1.1, 2.1 or 3.0) into flat Kong entities, the shape an
 * Admin API read gives: nested routes, plugins, targets, SNIs and credentials become entities of their own with a
 * foreign key to their parent. References are resolved to the referenced entity's {@code id} when the file gives it
 * one ({@code {"id": ...}}), else kept by name ({@code {"name": ...}}); a target's upstream is always
 * {@code {"name": <upstream name>}}; certificates carry their SNI names in {@code snis} as Kong returns them.
 *
 * <p>Supported: services (+routes, +plugins), routes (+plugins), upstreams (+targets), certificates (+snis),
 * ca_certificates, consumers (+credentials, +plugins), plugins. Keys starting with {@code _} ({@code _info},
 * {@code _workspace}, ...) and kinds kong-gitops does not manage (consumer_groups, vaults, ...) are ignored.
 */
public final class DeckReader {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final Set<String> FORMAT_VERSIONS = Set.of("1.1", "2.1", "3.0");
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final String file;
    private final List<KongEntity> out = new ArrayList<>();
    /** name (or username / custom_id) → id, per referenced kind, for entities the file gives an id. */
    private final Map<EntityType, Map<String, String>> ids = new HashMap<>();

    private DeckReader(String file) {
        this.file = file;
    }

    /** Reads a decK file from disk. */
    public static KongState read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DeckFileException(file.toString(), 0, "cannot read the file: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        return parse(text, file.toString());
    }

    /** Parses decK file content; {@code fileName} is used in error messages. */
    public static KongState parse(String content, String fileName) {
        if (content.isBlank()) {
            throw new DeckFileException(fileName, 0, "the file is empty; a decK file needs at least _format_version", null);
        }
        Map<String, Object> doc;
        try {
            doc = YAML.readValue(content, MAP);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DeckFileException(fileName, line, "not a valid YAML/JSON decK file: " + e.getOriginalMessage(), e);
        }
        if (doc == null) {
            throw new DeckFileException(fileName, 0, "the file is empty; a decK file needs at least _format_version", null);
        }
        return new DeckReader(fileName).read(doc);
    }

    private KongState read(Map<String, Object> doc) {
        Object version = doc.get("_format_version");
        if (version != null && !FORMAT_VERSIONS.contains(version.toString())) {
            throw error("_format_version", "unsupported _format_version '" + version + "' (expected \"3.0\", \"2.1\" or"
                    + " \"1.1\")");
        }
        indexIds(doc);
        Map<EntityType, Each> shaped = Map.of(EntityType.UPSTREAM, this::upstream,
                EntityType.CERTIFICATE, this::certificate);
        for (EntityType type : EntityType.values()) {
            if (!type.spec().deckTopLevel()) continue;
            forEachIndexed(doc, type.deckKey(), shaped.getOrDefault(type, (e, at) -> entity(type, e, at, Map.of())));
        }
        return new KongState(out);
    }

    // --- kinds ---

    /**
     * An entity and what is nested under it ({@link Kinds#deckChildren}). Foreign keys come from the parent it is
     * nested under ({@code given}), else references written in the file to kinds named by name are resolved.
     */
    private void entity(EntityType type, Map<String, Object> e, String at, Map<String, Object> given) {
        List<Map.Entry<EntityType, DeckNesting>> children = Kinds.deckChildren(type);
        Map<String, Object> fields = without(e, children.stream().map(c -> c.getValue().key()).toArray(String[]::new));
        for (ForeignKey fk : type.spec().foreignKeys()) {
            if (given.containsKey(fk.field())) {
                fields.put(fk.field(), given.get(fk.field()));
            } else if (fields.get(fk.field()) != null && !fk.target().spec().referenceFields().isEmpty()) {
                fields.put(fk.field(), resolve(fk.target(), fields.get(fk.field()), at + "." + fk.field()));
            }
        }
        add(type, fields);
        if (children.isEmpty()) return;
        Map<String, Object> self = ref(type, e);
        for (Map.Entry<EntityType, DeckNesting> child : children) {
            DeckNesting n = child.getValue();
            forEachIndexed(e, at, n.key(), (c, cat) -> entity(child.getKey(), c, cat, Map.of(n.foreignKey(), self)));
        }
    }

    private void upstream(Map<String, Object> u, String at) {
        add(EntityType.UPSTREAM, without(u, "targets"));
        Object name = u.get("name");
        if (name == null) throw error(at, "upstream without a name");
        forEachIndexed(u, at, "targets", (t, tat) -> {
            Map<String, Object> fields = new LinkedHashMap<>(t);
            fields.put("upstream", Map.of("name", name.toString()));
            add(EntityType.TARGET, fields);
        });
    }

    private void certificate(Map<String, Object> c, String at) {
        Map<String, Object> fields = without(c, "snis");
        List<Map<String, Object>> snis = new ArrayList<>();
        if (c.get("snis") instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Object s = list.get(i);
                if (s instanceof String name) {
                    snis.add(new LinkedHashMap<>(Map.of("name", name)));
                } else if (s instanceof Map<?, ?> m && m.get("name") != null) {
                    snis.add(stringKeys(m));
                } else {
                    throw error(at + ".snis[" + i + "]", "an SNI must be a host name or an object with a name");
                }
            }
        } else if (c.get("snis") != null) {
            throw error(at + ".snis", "snis must be a list");
        }
        fields.put("snis", snis.stream().map(s -> s.get("name").toString()).sorted().toList());
        add(EntityType.CERTIFICATE, fields);
        if (snis.isEmpty()) return;
        Object certId = c.get("id");
        if (certId == null) {
            throw error(at, "a certificate with SNIs needs an id (decK files identify certificates by id)");
        }
        for (Map<String, Object> sni : snis) {
            sni.put("certificate", Map.of("id", certId.toString()));
            add(EntityType.SNI, sni);
        }
    }

    // --- references ---

    private void indexIds(Map<String, Object> doc) {
        for (Map<String, Object> s : list(doc, "services", "services")) {
            index(EntityType.SERVICE, s);
            for (Map<String, Object> r : list(s, "routes", "services[].routes")) index(EntityType.ROUTE, r);
        }
        for (Map<String, Object> r : list(doc, "routes", "routes")) index(EntityType.ROUTE, r);
        for (Map<String, Object> c : list(doc, "consumers", "consumers")) index(EntityType.CONSUMER, c);
    }

    private void index(EntityType type, Map<String, Object> e) {
        Object id = e.get("id");
        if (id == null) return;
        Map<String, String> byKey = ids.computeIfAbsent(type, k -> new HashMap<>());
        for (String key : type.spec().referenceFields()) {
            if (e.get(key) != null) byKey.put(e.get(key).toString(), id.toString());
        }
        byKey.put(id.toString(), id.toString());
    }

    /** A reference to an entity that is nested under it: by id when the file gives one, else by name. */
    private Map<String, Object> ref(EntityType type, Map<String, Object> e) {
        if (e.get("id") != null) return Map.of("id", e.get("id").toString());
        Object key = null;
        for (String f : type.spec().referenceFields()) {
            if (key == null) key = e.get(f);
        }
        if (key == null) {
            throw error(type.deckKey(), "a " + type.schemaName() + " with nested entities needs an id or a name");
        }
        return Map.of("name", key.toString());
    }

    /** A reference written in the file ({@code service: name}, {@code service: {id: ...}}) resolved to an id if known. */
    private Map<String, Object> resolve(EntityType type, Object value, String at) {
        String key;
        if (value instanceof String s) {
            key = s;
        } else if (value instanceof Map<?, ?> m && m.get("id") != null) {
            return Map.of("id", m.get("id").toString());
        } else if (value instanceof Map<?, ?> m && (m.get("name") != null || m.get("username") != null)) {
            key = (m.get("name") != null ? m.get("name") : m.get("username")).toString();
        } else {
            throw error(at, "a reference must be a name, an id, or an object with id or name");
        }
        String id = ids.getOrDefault(type, Map.of()).get(key);
        if (id != null) return Map.of("id", id);
        if (UUID.matcher(key).matches()) return Map.of("id", key);
        return Map.of("name", key);
    }

    // --- helpers ---

    private void add(EntityType type, Map<String, Object> fields) {
        out.add(new KongEntity(type, fields, null, null));
    }

    private interface Each {
        void accept(Map<String, Object> item, String at);
    }

    private void forEachIndexed(Map<String, Object> parent, String key, Each each) {
        forEachIndexed(parent, null, key, each);
    }

    private void forEachIndexed(Map<String, Object> parent, String parentAt, String key, Each each) {
        String at = parentAt == null ? key : parentAt + "." + key;
        List<Map<String, Object>> items = list(parent, key, at);
        for (int i = 0; i < items.size(); i++) each.accept(items.get(i), at + "[" + i + "]");
    }

    private List<Map<String, Object>> list(Map<String, Object> parent, String key, String at) {
        Object v = parent.get(key);
        if (v == null) return List.of();
        if (!(v instanceof List<?> l)) throw error(at, key + " must be a list");
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            if (!(l.get(i) instanceof Map<?, ?> m)) throw error(at + "[" + i + "]", "expected an object");
            out.add(stringKeys(m));
        }
        return out;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static Map<String, Object> without(Map<String, Object> m, String... keys) {
        Map<String, Object> copy = new LinkedHashMap<>(m);
        for (String k : keys) copy.remove(k);
        return copy;
    }

    private DeckFileException error(String at, String message) {
        return new DeckFileException(file, 0, at + ": " + message, null);
    }

    /** A decK file that cannot be read: names the file and, for syntax errors, the line. */
    public static final class DeckFileException extends KongGitopsException {
        private final String file;
        private final int line;

        public DeckFileException(String file, int line, String message, Throwable cause) {
            super(file + (line > 0 ? ":" + line : "") + ": " + message, cause);
            this.file = file;
            this.line = line;
        }

        public String file() {
            return file;
        }

        /** 1-based line, 0 when unknown. */
        public int line() {
            return line;
        }
    }
}
