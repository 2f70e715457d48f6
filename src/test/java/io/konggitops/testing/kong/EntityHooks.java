package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/** Entity-specific Kong behaviour: shorthands, normalisations, entity checks and computed fields. */
final class EntityHooks {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> TLS_ONLY = List.of("client_certificate", "tls_verify", "tls_verify_depth", "ca_certificates");

    private EntityHooks() {
    }

    /** Rewrites the submitted body before validation (Kong's shorthand fields and DAO normalisations). */
    static void preprocess(String entity, ObjectNode body) {
        switch (entity) {
            case "services" -> expandUrl(body);
            case "upstreams" -> {
                String algorithm = body.path("algorithm").asText(null);
                String hashOn = body.path("hash_on").asText(null);
                if (hashOn != null && !hashOn.equals("none")) body.put("algorithm", "consistent-hashing");
                else if ("none".equals(hashOn) && algorithm == null) body.put("algorithm", "round-robin");
                if ("least-connections".equals(algorithm) || "latency".equals(algorithm)) body.put("hash_on", "none");
            }
            case "targets" -> {
                // kong/db/dao/targets.lua format_target: only a valid host/IP is normalised (else the DAO rejects it)
                if (body.path("target").isTextual() && HostRules.target(body.get("target").asText()) == null) {
                    body.put("target", normaliseTarget(body.get("target").asText()));
                }
            }
            default -> {
            }
        }
    }

    private static void expandUrl(ObjectNode body) {
        JsonNode url = body.remove("url");
        if (url == null || url.isNull()) return;
        try {
            URI u = URI.create(url.asText());
            if (u.getScheme() == null || u.getHost() == null) throw new IllegalArgumentException("missing host in url");
            String scheme = u.getScheme().toLowerCase(java.util.Locale.ROOT);
            body.put("protocol", scheme);
            body.put("host", u.getHost());
            int port = u.getPort() >= 0 ? u.getPort()
                    : switch (scheme) {
                        case "https", "grpcs", "tls", "wss" -> 443;
                        default -> 80;
                    };
            body.put("port", port);
            String path = u.getRawPath();
            if (path == null || path.isEmpty()) body.putNull("path");
            else body.put("path", path);
        } catch (IllegalArgumentException e) {
            body.put("url", url.asText());
        }
    }

    /** {@code kong/db/dao/targets.lua format_target}: missing port becomes {@code :8000}, IPv6 gets brackets. */
    static String normaliseTarget(String t) {
        if (t.startsWith("[")) return t.contains("]:") ? t : t + ":8000";
        long colons = t.chars().filter(c -> c == ':').count();
        if (colons > 1) return "[" + t + "]:8000";
        return colons == 1 ? t : t + ":8000";
    }

    /** Entity checks after completion; adds Kong-shaped messages to {@code errors}. */
    static void check(String entity, ObjectNode row, ObjectNode input, ObjectNode raw, ObjectNode errors,
                      PluginSchemas plugins, Dao.Mode mode) {
        switch (entity) {
            case "services" -> {
                if (input.has("url")) errors.put("url", "missing host in url");
                String protocol = row.path("protocol").asText("http");
                if (List.of("tcp", "tls", "udp", "grpc", "grpcs").contains(protocol) && !row.path("path").isNull()) {
                    errors.put("path", "value must be null");
                } else if (row.path("path").isTextual() && !row.get("path").asText().startsWith("/")) {
                    errors.put("path", "should start with: /");
                }
                if (!protocol.equals("https") && !protocol.equals("tls")) {
                    for (String f : TLS_ONLY) if (!row.path(f).isNull() && !row.path(f).isMissingNode()) errors.put(f, "value must be null");
                }
            }
            case "routes" -> checkRoute(row, input, errors);
            case "consumers" -> {
                if (row.path("username").isNull() && row.path("custom_id").isNull()) {
                    entityError(errors, "at least one of these fields must be non-empty: 'custom_id', 'username'");
                }
            }
            case "certificates" -> {
                if (row.path("cert_alt").isNull() != row.path("key_alt").isNull()) {
                    entityError(errors, "all or none of these fields must be set: 'cert_alt', 'key_alt'");
                }
            }
            case "plugins" -> {
                String name = row.path("name").asText(null);
                if (name != null && plugins.config(name) == null && !errors.has("name")) {
                    errors.put("name", "plugin '" + name + "' not enabled; add it to the 'plugins' configuration property");
                    errors.remove("config");
                }
            }
            default -> {
            }
        }
    }

    private static void checkRoute(ObjectNode row, ObjectNode input, ObjectNode errors) {
        List<String> protocols = new java.util.ArrayList<>();
        row.path("protocols").forEach(p -> protocols.add(p.asText()));
        boolean grpc = protocols.contains("grpc") || protocols.contains("grpcs");
        if (grpc) {
            if (!input.has("strip_path")) row.put("strip_path", false);
            else if (row.path("strip_path").asBoolean(false)) errors.put("strip_path", "value must be false");
        }
        if (row.path("paths").isArray()) {
            ArrayNode pathErrors = Field.F.arrayNode();
            boolean bad = false;
            for (JsonNode p : row.get("paths")) {
                boolean ok = p.isTextual() && (p.asText().startsWith("/") || p.asText().startsWith("~/"));
                bad |= !ok;
                if (ok) pathErrors.addNull();
                else pathErrors.add("should start with: / (fixed path) or ~/ (regex path)");
            }
            if (bad && !errors.has("paths")) errors.set("paths", pathErrors);
        }
        if (row.has("expression") && !row.get("expression").isNull()) return;
        if (!row.has("paths")) return; // reduced expressions schema (Kong < 3.7)
        if (protocols.isEmpty() || protocols.get(0).startsWith("grpc") || protocols.get(0).equals("tls_passthrough")) {
            return; // routes_subschemas.lua grpc / tls_passthrough checks: RouteRules
        }
        boolean stream = protocols.stream().anyMatch(KongSchemas::isStream);
        if (stream) {
            if (protocols.stream().allMatch(p -> List.of("tcp", "tls", "udp").contains(p))
                    && none(row, "sources", "destinations", "snis")) {
                entityError(errors, "must set one of 'sources', 'destinations', 'snis' when 'protocols' is 'tcp', 'tls' or 'udp'");
            }
        } else if (protocols.contains("https") || protocols.contains("grpcs") || protocols.contains("wss")) {
            if (none(row, "methods", "hosts", "headers", "paths", "snis")) {
                entityError(errors, "must set one of 'methods', 'hosts', 'headers', 'paths', 'snis' when 'protocols' is 'https'");
            }
        } else if (none(row, "methods", "hosts", "headers", "paths")) {
            entityError(errors, "must set one of 'methods', 'hosts', 'headers', 'paths' when 'protocols' is 'http'");
        }
    }

    private static boolean none(ObjectNode row, String... fields) {
        for (String f : fields) {
            JsonNode v = row.path(f);
            if (!v.isNull() && !v.isMissingNode() && !(v.isContainerNode() && v.isEmpty())) return false;
        }
        return true;
    }

    static void entityError(ObjectNode errors, String message) {
        JsonNode list = errors.get("@entity");
        (list instanceof ArrayNode a ? a : errors.putArray("@entity")).add(message);
    }

    /** Computed fields after validation: credential keys/secrets, password hashing, CA digests. */
    static void finish(String entity, ObjectNode row, ObjectNode raw, ObjectNode existing) {
        switch (entity) {
            case "keyauth_credentials" -> fillRandom(row, "key");
            case "hmacauth_credentials" -> fillRandom(row, "secret");
            case "oauth2_credentials" -> {
                fillRandom(row, "client_id");
                fillRandom(row, "client_secret");
            }
            case "jwt_secrets" -> {
                fillRandom(row, "key");
                fillRandom(row, "secret");
            }
            case "basicauth_credentials" -> {
                if (raw.hasNonNull("password")) {
                    row.put("password", sha1(raw.get("password").asText() + row.path("consumer").path("id").asText()));
                }
            }
            case "ca_certificates" -> {
                String digest = KongRules.certDigest(row.path("cert").asText());
                row.put("cert_digest", digest != null ? digest : sha256(row.path("cert").asText().trim()));
            }
            default -> {
            }
        }
    }

    private static void fillRandom(ObjectNode row, String field) {
        if (row.path(field).isNull()) {
            byte[] b = new byte[16];
            RANDOM.nextBytes(b);
            row.put(field, HexFormat.of().formatHex(b));
        }
    }

    static String sha256(String s) {
        return digest("SHA-256", s);
    }

    static String sha1(String s) {
        return digest("SHA-1", s);
    }

    static String md5(String s) {
        return digest("MD5", s);
    }

    private static String digest(String alg, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
