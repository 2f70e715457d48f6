package io.konggitops.testing.kong;

import static io.konggitops.testing.kong.Field.Kind.ID;
import static io.konggitops.testing.kong.Field.Kind.MAP;
import static io.konggitops.testing.kong.Field.Kind.TS;
import static io.konggitops.testing.kong.Field.Kind.TS_MS;
import static io.konggitops.testing.kong.Field.array;
import static io.konggitops.testing.kong.Field.bool;
import static io.konggitops.testing.kong.Field.foreign;
import static io.konggitops.testing.kong.Field.intArray;
import static io.konggitops.testing.kong.Field.integer;
import static io.konggitops.testing.kong.Field.number;
import static io.konggitops.testing.kong.Field.of;
import static io.konggitops.testing.kong.Field.record;
import static io.konggitops.testing.kong.Field.set;
import static io.konggitops.testing.kong.Field.str;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kong 3.x entity schemas with their defaults, written from Kong's {@code kong/db/schema/entities/*.lua} and
 * {@code typedefs.lua} (Kong 3.9). Route fields depend on version and router flavor.
 */
final class KongSchemas {
    /** {@code kong/constants.lua PROTOCOLS} of Kong OSS 3.9 ({@code ws}/{@code wss} are Enterprise only). */
    static final String[] PROTOCOLS = {"grpc", "grpcs", "http", "https", "tcp", "tls", "tls_passthrough", "udp"};
    private final Map<String, EntitySchema> byName = new LinkedHashMap<>();
    final String routerFlavor;

    KongSchemas(String version, String routerFlavor) {
        this.routerFlavor = routerFlavor;
        add(services());
        add(routes(version, routerFlavor));
        add(upstreams());
        add(new EntitySchema("targets", "targets", null, "target", Field.list(
                of("id", ID), of("created_at", TS_MS), of("updated_at", TS_MS),
                foreign("upstream", "upstreams", "cascade").required(),
                str("target").required(), integer("weight", 100).between(0, 65535), set("tags")))
                .uniqueTogether("upstream", "target"));
        add(new EntitySchema("certificates", "certificates", null, "certificate", Field.list(
                of("id", ID), of("created_at", TS), of("updated_at", TS),
                str("cert").required(), str("key").required(), str("cert_alt"), str("key_alt"), set("tags")))
                .check("mutually_required", "cert_alt", "key_alt"));
        add(new EntitySchema("snis", "snis", "name", "sni", Field.list(
                of("id", ID), of("created_at", TS), of("updated_at", TS),
                str("name").required().unique(), set("tags"),
                foreign("certificate", "certificates", "cascade").required())));
        add(new EntitySchema("ca_certificates", "ca_certificates", null, "ca_certificate", Field.list(
                of("id", ID), of("created_at", TS), of("updated_at", TS),
                str("cert").required(), str("cert_digest").unique(), set("tags"))));
        add(new EntitySchema("consumers", "consumers", "username", "consumer", Field.list(
                of("id", ID), of("created_at", TS), of("updated_at", TS),
                str("username").unique(), str("custom_id").unique(), set("tags")))
                .check("at_least_one_of", "custom_id", "username"));
        add(plugins());
        add(credential("keyauth_credentials", "key-auths", "key", "keyauth_credential",
                str("key").unique(), of("ttl", Field.Kind.INTEGER)));
        add(credential("basicauth_credentials", "basic-auths", "username", "basicauth_credential",
                str("username").required().unique(), str("password").required()));
        add(credential("hmacauth_credentials", "hmac-auths", "username", "hmacauth_credential",
                str("username").required().unique(), str("secret")));
        add(credential("jwt_secrets", "jwts", "key", "jwt_secret",
                str("key").unique(), str("secret"), str("rsa_public_key"),
                str("algorithm", "HS256").oneOf("HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384")));
        add(credential("oauth2_credentials", "oauth2", "client_id", "oauth2_credential",
                str("name").required(), str("client_id").unique(), str("client_secret"), bool("hash_secret", false),
                array("redirect_uris"), str("client_type", "confidential").oneOf("confidential", "public")));
        add(credential("acls", "acls", null, "acl", str("group").required()).uniqueTogether("consumer", "group"));
    }

    private void add(EntitySchema s) {
        byName.put(s.name, s);
    }

    EntitySchema get(String name) {
        return byName.get(name);
    }

    /** Schema whose Admin API path segment is {@code endpoint} (e.g. {@code key-auths}), or null. */
    EntitySchema byEndpoint(String endpoint) {
        for (EntitySchema s : byName.values()) if (s.endpoint.equals(endpoint)) return s;
        return null;
    }

    List<EntitySchema> all() {
        return new ArrayList<>(byName.values());
    }

    private static EntitySchema services() {
        return new EntitySchema("services", "services", "name", "service", Field.list(
                of("id", ID), of("created_at", TS), of("updated_at", TS),
                str("name").unique(), integer("retries", 5).between(0, 32767),
                str("protocol", "http").oneOf(PROTOCOLS), str("host").required(),
                integer("port", 80).between(0, 65535), str("path"),
                integer("connect_timeout", 60000).between(1, 2147483646),
                integer("write_timeout", 60000).between(1, 2147483646),
                integer("read_timeout", 60000).between(1, 2147483646),
                set("tags"), foreign("client_certificate", "certificates", "restrict"),
                bool("tls_verify"), integer("tls_verify_depth").between(0, 64), array("ca_certificates"),
                bool("enabled", true)));
    }

    static int[] versionOf(String version) {
        String[] p = version.split("[.-]");
        try {
            return new int[] {Integer.parseInt(p[0]), p.length > 1 ? Integer.parseInt(p[1]) : 0};
        } catch (NumberFormatException e) {
            return new int[] {3, 9};
        }
    }

    private static EntitySchema routes(String version, String flavor) {
        int[] v = versionOf(version);
        boolean expressions = "expressions".equals(flavor);
        boolean reduced = expressions && v[0] == 3 && v[1] < 7;
        List<Field> fs = Field.list(of("id", ID), of("created_at", TS), of("updated_at", TS), str("name").unique(),
                set("protocols", "http", "https").required());
        if (!reduced) {
            fs.add(set("methods"));
            fs.add(array("hosts"));
            fs.add(array("paths"));
            fs.add(of("headers", MAP));
        }
        fs.add(integer("https_redirect_status_code", 426).oneOf("426", "301", "302", "307", "308"));
        if (!reduced) {
            fs.add(integer("regex_priority", 0));
            fs.add(str("path_handling", "v0").oneOf("v0", "v1"));
        }
        fs.add(bool("strip_path", true));
        fs.add(bool("preserve_host", false));
        fs.add(bool("request_buffering", true));
        fs.add(bool("response_buffering", true));
        if (!reduced) {
            fs.add(set("snis"));
            fs.add(of("sources", Field.Kind.SET).elements(Field.Kind.RECORD));
            fs.add(of("destinations", Field.Kind.SET).elements(Field.Kind.RECORD));
        }
        fs.add(set("tags"));
        fs.add(foreign("service", "services", "restrict"));
        if (expressions) {
            Field expr = str("expression");
            fs.add(reduced ? expr.required() : expr);
            fs.add(integer("priority", 0));
        }
        EntitySchema s = new EntitySchema("routes", "routes", "name", "route", fs);
        if (reduced) return s;
        // routes.lua: snis only with TLS protocols (the subschema checks are not part of the base schema JSON)
        ObjectNode conditional = Field.F.objectNode();
        ObjectNode c = conditional.putObject("conditional");
        c.put("if_field", "protocols");
        ArrayNode notOneOf = c.putObject("if_match").putObject("elements").put("type", "string").putArray("not_one_of");
        for (String p : new String[] {"grpcs", "https", "tls", "tls_passthrough"}) notOneOf.add(p);
        c.put("then_field", "snis");
        c.putObject("then_match").put("len_eq", 0);
        c.put("then_err", "'snis' can only be set when 'protocols' is 'grpcs', 'https', 'tls' or 'tls_passthrough'");
        return s.check(conditional);
    }

    private static EntitySchema upstreams() {
        Field activeHealthy = record("healthy", integer("interval", 0), intArray("http_statuses", 200, 302),
                integer("successes", 0));
        Field activeUnhealthy = record("unhealthy", integer("interval", 0),
                intArray("http_statuses", 429, 404, 500, 501, 502, 503, 504, 505),
                integer("tcp_failures", 0), integer("timeouts", 0), integer("http_failures", 0));
        Field active = record("active", str("type", "http").oneOf("tcp", "http", "https", "grpc", "grpcs"),
                number("timeout", 1), integer("concurrency", 10), str("http_path", "/"), str("https_sni"),
                bool("https_verify_certificate", true), of("headers", MAP), activeHealthy, activeUnhealthy);
        Field passiveHealthy = record("healthy", intArray("http_statuses", 200, 201, 202, 203, 204, 205, 206, 207, 208,
                226, 300, 301, 302, 303, 304, 305, 306, 307, 308), integer("successes", 0));
        Field passiveUnhealthy = record("unhealthy", intArray("http_statuses", 429, 500, 503),
                integer("tcp_failures", 0), integer("timeouts", 0), integer("http_failures", 0));
        Field passive = record("passive", str("type", "http").oneOf("tcp", "http", "https", "grpc", "grpcs"),
                passiveHealthy, passiveUnhealthy);
        Field healthchecks = record("healthchecks", active, passive, number("threshold", 0));
        healthchecks.dflt(healthchecks.defaultValue());
        return new EntitySchema("upstreams", "upstreams", "name", "upstream", Field.list(
                of("id", ID), of("created_at", TS), of("updated_at", TS), str("name").required().unique(),
                str("algorithm", "round-robin").oneOf("consistent-hashing", "least-connections", "round-robin", "latency"),
                str("hash_on", "none"), str("hash_fallback", "none"), str("hash_on_header"), str("hash_fallback_header"),
                str("hash_on_cookie"), str("hash_on_cookie_path", "/"), str("hash_on_query_arg"),
                str("hash_fallback_query_arg"), str("hash_on_uri_capture"), str("hash_fallback_uri_capture"),
                integer("slots", 10000).between(10, 65536), healthchecks, set("tags"), str("host_header"),
                foreign("client_certificate", "certificates", "restrict"), bool("use_srv_name", false)));
    }

    private static EntitySchema plugins() {
        Field config = record("config");
        config.required();
        return new EntitySchema("plugins", "plugins", "instance_name", "plugin", Field.list(
                of("id", ID), of("created_at", TS), of("updated_at", TS), str("name").required(),
                str("instance_name").unique(), foreign("route", "routes", "cascade"),
                foreign("service", "services", "cascade"), foreign("consumer", "consumers", "cascade"),
                config, set("protocols", "grpc", "grpcs", "http", "https").required(),
                bool("enabled", true), set("tags")))
                .uniqueTogether("name", "route", "service", "consumer");
    }

    private static EntitySchema credential(String name, String endpoint, String key, String singular, Field... own) {
        List<Field> fs = Field.list(of("id", ID), of("created_at", TS),
                foreign("consumer", "consumers", "cascade").required());
        fs.addAll(List.of(own));
        fs.add(set("tags"));
        return new EntitySchema(name, endpoint, key, singular, fs);
    }

    static boolean isStream(String protocol) {
        return switch (protocol) {
            case "tcp", "tls", "tls_passthrough", "udp" -> true;
            default -> false;
        };
    }
}
