package io.konggitops.testing.kong;

import static io.konggitops.testing.kong.Field.array;
import static io.konggitops.testing.kong.Field.bool;
import static io.konggitops.testing.kong.Field.intArray;
import static io.konggitops.testing.kong.Field.integer;
import static io.konggitops.testing.kong.Field.number;
import static io.konggitops.testing.kong.Field.record;
import static io.konggitops.testing.kong.Field.set;
import static io.konggitops.testing.kong.Field.str;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Config schemas of the bundled plugins the double knows, with Kong 3.9-like defaults (approximations of the plugin
 * {@code schema.lua} files: enough for a differ to learn defaults through {@code GET /schemas/plugins/{name}}).
 * Tests may register more with {@link KongDoubleBuilder#plugin(String, String)}.
 */
final class PluginSchemas {
    private final Map<String, Field> configs = new TreeMap<>();

    PluginSchemas() {
        put("cors", array("origins"), array("headers"), array("exposed_headers"),
                array("methods", "GET", "HEAD", "PUT", "PATCH", "POST", "DELETE", "OPTIONS", "TRACE", "CONNECT"),
                number("max_age"), bool("credentials", false), bool("private_network", false),
                bool("preflight_continue", false), bool("allow_origin_absent", true));
        put("key-auth", array("key_names", "apikey"), bool("hide_credentials", false), str("anonymous"),
                bool("key_in_header", true), bool("key_in_query", true), bool("key_in_body", false),
                bool("run_on_preflight", true), str("realm"));
        put("basic-auth", str("anonymous"), bool("hide_credentials", false), str("realm", "service"));
        put("acl", array("allow"), array("deny"), bool("hide_groups_header", false),
                bool("always_use_authenticated_groups", false), bool("include_consumer_groups", false));
        put("ip-restriction", array("allow"), array("deny"), integer("status"), str("message"));
        // kong/plugins/rate-limiting/schema.lua (3.9.1); redis = kong/tools/redis/schema.lua config_schema
        put("rate-limiting", number("second"), number("minute"), number("hour"), number("day"), number("month"),
                number("year"), str("limit_by", "consumer").oneOf("consumer", "credential", "ip", "service", "header",
                        "path"),
                str("header_name"), str("path"), str("policy", "local").oneOf("local", "cluster", "redis"),
                bool("fault_tolerant", true),
                record("redis", str("host"), integer("port", 6379), integer("timeout", 2000),
                        str("username").referenceable(), str("password").encrypted().referenceable(),
                        integer("database", 0), bool("ssl", false), bool("ssl_verify", false), str("server_name")),
                bool("hide_client_headers", false), number("error_code", 429),
                str("error_message", "API rate limit exceeded"), number("sync_rate", -1));
        configs.get("rate-limiting").shorthands(redis("host", Field.Kind.STRING), redis("port", Field.Kind.INTEGER),
                redis("password", Field.Kind.STRING), redis("username", Field.Kind.STRING),
                redis("ssl", Field.Kind.BOOLEAN), redis("ssl_verify", Field.Kind.BOOLEAN),
                redis("server_name", Field.Kind.STRING), redis("timeout", Field.Kind.INTEGER),
                redis("database", Field.Kind.INTEGER));
        put("request-transformer", str("http_method"), transform("remove", false), transform("rename", false),
                transform("replace", true), transform("add", false), transform("append", false));
        put("response-transformer", responseTransform("remove"), responseTransform("rename"),
                responseTransform("replace"), responseTransform("add"), responseTransform("append"));
        put("request-termination", integer("status_code", 503).between(100, 599), str("message"),
                str("content_type"), str("body"), bool("echo", false), str("trigger"));
        put("correlation-id", str("header_name", "Kong-Request-ID"),
                str("generator", "uuid#counter").oneOf("uuid", "uuid#counter", "tracker"), bool("echo_downstream", false));
        put("redirect", integer("status_code", 301).between(100, 599), str("location").required(),
                bool("keep_incoming_path", false));
        put("prometheus", bool("per_consumer", false), bool("status_code_metrics", false),
                bool("latency_metrics", false), bool("bandwidth_metrics", false),
                bool("upstream_health_metrics", false));
        // kong/plugins/proxy-cache/schema.lua (3.9.1)
        put("proxy-cache", intArray("response_code", 200, 301, 404).required(),
                array("request_method", "GET", "HEAD").required(),
                array("content_type", "text/plain", "application/json").required(),
                bool("cache_ttl_enabled", false), integer("cache_ttl", 300),
                str("strategy").oneOf("memory").required(), bool("cache_control", false),
                bool("ignore_uri_case", false), integer("storage_ttl"), array("vary_query_params"),
                array("vary_headers"), record("memory", str("dictionary_name", "kong_db_cache").required()),
                record("response_headers", bool("age", true), bool("X-Cache-Status", true),
                        bool("X-Cache-Key", true)));
        // kong/plugins/pre-function/_schema.lua: each phase an array of Lua chunks, default {}
        for (String fn : new String[] {"pre-function", "post-function"}) {
            put(fn, phase("certificate"), phase("rewrite"), phase("access"), phase("header_filter"),
                    phase("body_filter"), phase("log"));
        }
        put("file-log", str("path").required(), bool("reopen", false), of("custom_fields_by_lua"));
        // the 'expected one of' list on http_statuses-like fields is irrelevant here; http-log kept small
        put("http-log", str("http_endpoint").required(), str("method", "POST"), str("content_type", "application/json"),
                integer("timeout", 10000), integer("keepalive", 60000), integer("retry_count", 10),
                integer("queue_size", 1), integer("flush_timeout", 2), of("headers"), of("custom_fields_by_lua"));
    }

    private static Field.Shorthand redis(String field, Field.Kind kind) {
        return new Field.Shorthand("redis_" + field, kind, java.util.List.of("redis", field));
    }

    private static Field phase(String name) {
        return array(name).dflt(empty()).required();
    }

    private static Field of(String name) {
        return Field.of(name, Field.Kind.MAP);
    }

    private static Field transform(String name, boolean withUri) {
        Field f = withUri
                ? record(name, array("headers").dflt(empty()), array("querystring").dflt(empty()),
                        array("body").dflt(empty()), str("uri"))
                : record(name, array("headers").dflt(empty()), array("querystring").dflt(empty()),
                        array("body").dflt(empty()));
        f.required();
        return f;
    }

    private static Field responseTransform(String name) {
        Field f = "remove".equals(name) || "rename".equals(name)
                ? record(name, array("headers").dflt(empty()), array("json").dflt(empty()))
                : record(name, array("headers").dflt(empty()), array("json").dflt(empty()),
                        array("json_types").dflt(empty()));
        f.required();
        return f;
    }

    private static ArrayNode empty() {
        return Field.F.arrayNode();
    }

    /** Registers (or replaces) a plugin whose config defaults are given as an example JSON object. */
    void putDefaults(String plugin, com.fasterxml.jackson.databind.JsonNode configDefaults) {
        put(plugin, Field.fromDefaults(configDefaults).toArray(new Field[0]));
    }

    void put(String plugin, Field... configFields) {
        Field config = record("config", configFields);
        config.required();
        configs.put(plugin, config);
    }

    Field config(String plugin) {
        return configs.get(plugin);
    }

    java.util.Set<String> names() {
        return configs.keySet();
    }

    /** {@code GET /schemas/plugins/{name}} body: the plugin entity fields with this plugin's config record. */
    /**
     * {@code GET /schemas/plugins/{name}}: the plugin's own subschema ({@code kong/plugins/<name>/schema.lua} through
     * {@code schema_to_jsonable}), not the whole plugins schema: {@code name} and {@code fields} with
     * {@code protocols} ({@code typedefs.protocols_http}) and the {@code config} record.
     */
    ObjectNode schemaJson(EntitySchema pluginsSchema, String plugin) {
        Field config = configs.get(plugin);
        if (config == null) return null;
        ObjectNode o = Field.F.objectNode();
        o.put("name", plugin);
        ArrayNode fields = o.putArray("fields");
        ObjectNode protocols = Field.F.objectNode();
        ObjectNode p = protocols.putObject("protocols");
        p.put("type", "set").put("required", true);
        ArrayNode dflt = p.putArray("default");
        ObjectNode elements = p.putObject("elements");
        elements.put("type", "string");
        ArrayNode oneOf = elements.putArray("one_of");
        for (String proto : new String[] {"grpc", "grpcs", "http", "https"}) {
            dflt.add(proto);
            oneOf.add(proto);
        }
        fields.add(protocols);
        ObjectNode configJson = config.toSchemaJson();
        ((ObjectNode) configJson.get("config")).put("required", true);
        fields.add(configJson);
        return o;
    }
}
