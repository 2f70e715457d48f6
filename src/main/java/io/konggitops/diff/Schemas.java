package io.konggitops.diff;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongAdmin;
import io.konggitops.kong.KongApiException;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.kong.RouterFlavor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kong schemas the differ normalises with: per entity kind and per plugin name. Built from the live node's
 * {@code GET /schemas/{entity}} and {@code GET /schemas/plugins/{name}}; an entity kind the node does not serve falls
 * back to the built-in table ({@code builtin-schemas.json}, derived from Kong 3.10's entity schemas). Plugins without
 * a schema have no config defaults: their config is compared only on the keys the desired side sets.
 */
public final class Schemas {
    private static final String BUILTIN = "builtin-schemas.json";
    private static final Map<String, Object> BUILTIN_JSON = loadBuiltin();

    private final Map<EntityType, EntitySchema> entities;
    private final Map<String, EntitySchema> plugins;

    private Schemas(Map<EntityType, EntitySchema> entities, Map<String, EntitySchema> plugins) {
        this.entities = Map.copyOf(entities);
        this.plugins = Map.copyOf(plugins);
    }

    /** Only the built-in table (no Kong node, e.g. {@code diff --kong-state FILE}). */
    public static Schemas builtin(RouterFlavor flavor) {
        return of(Map.of(), Map.of(), flavor);
    }

    /**
     * Schemas from Kong's JSON: {@code entityJson} for kinds the node served, {@code pluginJson} per plugin name. Kinds
     * missing from {@code entityJson} use the built-in table.
     */
    public static Schemas of(Map<EntityType, Map<String, Object>> entityJson, Map<String, Map<String, Object>> pluginJson,
                             RouterFlavor flavor) {
        Map<EntityType, EntitySchema> ents = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) {
            Map<String, Object> json = entityJson.get(t);
            if (json != null) {
                ents.put(t, EntitySchema.parse(json, true));
            } else {
                builtinSchema(t, flavor).ifPresent(s -> ents.put(t, s));
            }
        }
        Map<String, EntitySchema> plugs = new HashMap<>();
        pluginJson.forEach((name, json) -> plugs.put(name, EntitySchema.parse(json, true)));
        return new Schemas(ents, plugs);
    }

    /**
     * Reads the schemas of {@code types} and of the named plugins from the node. A kind or plugin whose endpoint is
     * unavailable (empty answer or an Admin API error) uses the fallback.
     */
    public static Schemas fetch(KongAdmin admin, Collection<EntityType> types, Collection<String> pluginNames,
                                RouterFlavor flavor) {
        Map<EntityType, Map<String, Object>> ents = new EnumMap<>(EntityType.class);
        for (EntityType t : types) {
            try {
                admin.entitySchema(t).ifPresent(json -> ents.put(t, json));
            } catch (KongApiException unavailable) {
                // fallback table for this kind
            }
        }
        Map<String, Map<String, Object>> plugs = new HashMap<>();
        for (String name : pluginNames) {
            try {
                admin.pluginSchema(name).ifPresent(json -> plugs.put(name, json));
            } catch (KongApiException unavailable) {
                // no config defaults for this plugin
            }
        }
        return of(ents, plugs, flavor);
    }

    /**
     * Reads the schemas a diff of these two states needs: every entity kind, and the plugins named on either side.
     * Call once per run.
     */
    public static Schemas fetchFor(KongAdmin admin, KongState desired, KongState live, RouterFlavor flavor) {
        java.util.Set<String> plugins = new java.util.TreeSet<>();
        java.util.stream.Stream.concat(desired.of(EntityType.PLUGIN), live.of(EntityType.PLUGIN))
                .map(KongEntity::name).filter(java.util.Objects::nonNull).forEach(plugins::add);
        return fetch(admin, java.util.EnumSet.allOf(EntityType.class), plugins, flavor);
    }

    public Optional<EntitySchema> entity(EntityType type) {
        return Optional.ofNullable(entities.get(type));
    }

    /** The schema of a plugin entity with that plugin's own fields (protocols, config) laid over the generic ones. */
    public Optional<EntitySchema> plugin(String name) {
        EntitySchema specific = plugins.get(name);
        if (specific == null) return Optional.empty();
        EntitySchema generic = entities.get(EntityType.PLUGIN);
        return Optional.of(generic == null ? specific : generic.overlay(specific));
    }

    @SuppressWarnings("unchecked")
    private static Optional<EntitySchema> builtinSchema(EntityType type, RouterFlavor flavor) {
        Map<String, Object> all = (Map<String, Object>) BUILTIN_JSON.get("entities");
        Map<String, Object> json = (Map<String, Object>) all.get(type.schemaName());
        if (json == null) return Optional.empty();
        EntitySchema schema = EntitySchema.parse(json, false);
        Optional<String> overlay = type.spec().builtinSchemaOverlay(flavor);
        if (overlay.isPresent()) {
            schema = schema.overlay(EntitySchema.parse((Map<String, Object>) BUILTIN_JSON.get(overlay.get()), false));
        }
        return Optional.of(schema);
    }

    private static Map<String, Object> loadBuiltin() {
        try (InputStream in = Schemas.class.getResourceAsStream(BUILTIN)) {
            if (in == null) throw new IllegalStateException("missing resource " + BUILTIN);
            return new ObjectMapper().readValue(in, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plugin names with a schema, for diagnostics. */
    public List<String> pluginNames() {
        return plugins.keySet().stream().sorted().toList();
    }
}
