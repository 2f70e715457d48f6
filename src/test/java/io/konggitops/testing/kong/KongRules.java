package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Kong 3.x field and entity rules beyond types and ranges, each from the Kong source file named at its check:
 * {@code kong/db/schema/typedefs.lua} (names, tags, hosts, paths), {@code entities/*.lua} and the route rules in
 * {@link RouteRules}. Errors are added to {@code errors} in Kong's shape ({@code kong/db/errors.lua}).
 */
final class KongRules {
    private static final Set<String> UPSTREAM_HASH_ON = Set.of("none", "consumer", "ip", "header", "cookie", "path",
            "query_arg", "uri_capture");

    private KongRules() {
    }

    static void check(String entity, ObjectNode row, ObjectNode errors, String routerFlavor) {
        tags(row, errors);
        switch (entity) {
            case "services" -> {
                utf8Name(row, "name", errors);
                text(row, "host", errors, HostRules::host);
                text(row, "path", errors, KongRules::path);
            }
            case "routes" -> {
                utf8Name(row, "name", errors);
                RouteRules.check(row, errors, routerFlavor);
            }
            case "plugins" -> {
                utf8Name(row, "instance_name", errors);
                if (!errors.has("config")) pluginChecks(row, errors);
            }
            case "upstreams" -> {
                text(row, "name", errors, HostRules::upstreamName);
                text(row, "hash_on_cookie_path", errors, KongRules::path);
                upstreamHashing(row, errors);
            }
            case "targets" -> text(row, "target", errors, HostRules::target);
            case "snis" -> text(row, "name", errors, HostRules::wildcardHost);
            case "certificates" -> certificate(row, errors);
            case "ca_certificates" -> caCertificate(row, errors);
            default -> {
            }
        }
    }

    /** Entity checks of the bundled plugins' {@code schema.lua} that the double models. */
    private static void pluginChecks(ObjectNode row, ObjectNode errors) {
        JsonNode config = row.path("config");
        if (!row.path("name").asText().equals("rate-limiting") || !config.isObject()) return;
        // kong/plugins/rate-limiting/schema.lua entity_checks
        boolean anyLimit = false;
        for (String f : List.of("second", "minute", "hour", "day", "month", "year")) anyLimit |= !config.path(f).isNull();
        if (!anyLimit) {
            EntityHooks.entityError(errors, "at least one of these fields must be non-empty: 'config.second', "
                    + "'config.minute', 'config.hour', 'config.day', 'config.month', 'config.year'");
        }
        String limitBy = config.path("limit_by").asText("");
        if ((limitBy.equals("header") && config.path("header_name").isNull())
                || (limitBy.equals("path") && config.path("path").isNull())) {
            String field = limitBy.equals("header") ? "header_name" : "path";
            ((ObjectNode) (errors.has("config") ? errors.get("config") : errors.putObject("config")))
                    .put(field, "required field missing");
            EntityHooks.entityError(errors, "failed conditional validation given value of field 'config.limit_by'");
        }
        if (config.path("policy").asText("").equals("redis") && config.path("redis").path("host").isNull()) {
            ((ObjectNode) (errors.has("config") ? errors.get("config") : errors.putObject("config")))
                    .putObject("redis").put("host", "required field missing");
            EntityHooks.entityError(errors, "failed conditional validation given value of field 'config.policy'");
        }
    }

    /** {@code typedefs.tags} / {@code validate_tag}: printable ASCII except {@code ,} and {@code /}, or UTF-8. */
    private static void tags(ObjectNode row, ObjectNode errors) {
        JsonNode tags = row.get("tags");
        if (tags == null || !tags.isArray() || errors.has("tags")) return;
        ArrayNode out = Field.F.arrayNode();
        boolean bad = false;
        for (JsonNode t : tags) {
            String s = t.asText();
            boolean ok = !s.isEmpty() && s.chars().allMatch(c -> c == ' ' || (c >= 0x21 && c <= 0x2B) || c == 0x2D
                    || c == 0x2E || (c >= 0x30 && c <= 0x7E) || c >= 0x80);
            bad |= !ok;
            out.add(ok ? NullNode.instance : Field.F.textNode("invalid tag '" + s
                    + "': expected printable ascii (except `,` and `/`) or valid utf-8 sequences"));
        }
        if (bad) errors.set("tags", out);
    }

    /** {@code typedefs.utf8_name}: ASCII limited to alphanumerics and {@code . - _ ~}; other UTF-8 allowed. */
    private static void utf8Name(ObjectNode row, String field, ObjectNode errors) {
        text(row, field, errors, n -> n.chars().allMatch(c -> c >= 0x80 || Character.isLetterOrDigit(c) || ".-_~".indexOf(c) >= 0)
                ? null : "invalid value '" + n + "': the only accepted ascii characters are alphanumerics or ., -, _, and ~");
    }

    /** {@code typedefs.path}: starts with {@code /}, no empty segment, RFC 3986 characters, valid escapes. */
    static String path(String p) {
        if (!p.startsWith("/")) return "should start with: /";
        if (p.contains("//")) return "must not have empty segments";
        if (!p.matches("^/[\\w.\\-~/%:@!$&'()*+,;=]*$")) {
            return "invalid path: '" + p + "' (characters outside of the reserved list of RFC 3986 found)";
        }
        return RouteRules.percentError(p);
    }

    private static void text(ObjectNode row, String field, ObjectNode errors, java.util.function.Function<String, String> rule) {
        JsonNode v = row.get(field);
        if (v == null || !v.isTextual() || errors.has(field)) return;
        String err = rule.apply(v.asText());
        if (err != null) errors.put(field, err);
    }

    /** {@code entities/upstreams.lua} entity checks on {@code hash_on} / {@code hash_fallback}. */
    private static void upstreamHashing(ObjectNode row, ObjectNode errors) {
        for (String f : List.of("hash_on", "hash_fallback")) {
            JsonNode v = row.get(f);
            if (v != null && v.isTextual() && !UPSTREAM_HASH_ON.contains(v.asText()) && !errors.has(f)) {
                errors.put(f, "expected one of: none, consumer, ip, header, cookie, path, query_arg, uri_capture");
            }
        }
        if (errors.has("hash_on") || errors.has("hash_fallback")) return;
        String on = row.path("hash_on").asText("none");
        String fallback = row.path("hash_fallback").asText("none");
        requiredWhen(row, errors, "hash_on", on, "header", "hash_on_header");
        requiredWhen(row, errors, "hash_fallback", fallback, "header", "hash_fallback_header");
        requiredWhen(row, errors, "hash_on", on, "cookie", "hash_on_cookie");
        requiredWhen(row, errors, "hash_fallback", fallback, "cookie", "hash_on_cookie");
        requiredWhen(row, errors, "hash_on", on, "query_arg", "hash_on_query_arg");
        requiredWhen(row, errors, "hash_fallback", fallback, "query_arg", "hash_fallback_query_arg");
        requiredWhen(row, errors, "hash_on", on, "uri_capture", "hash_on_uri_capture");
        requiredWhen(row, errors, "hash_fallback", fallback, "uri_capture", "hash_fallback_uri_capture");
        if ((on.equals("none") || on.equals("cookie")) && !fallback.equals("none")) {
            conditional(errors, "hash_on", "hash_fallback", "expected one of: none");
        } else if (List.of("consumer", "ip", "path").contains(on) && on.equals(fallback)) {
            List<String> allowed = new java.util.ArrayList<>(List.of("none", "consumer", "ip", "header", "cookie", "path",
                    "query_arg", "uri_capture"));
            allowed.remove(on);
            conditional(errors, "hash_on", "hash_fallback", "expected one of: " + String.join(", ", allowed));
        }
        for (String[] pair : new String[][] {{"hash_on_header", "hash_fallback_header"},
                {"hash_on_query_arg", "hash_fallback_query_arg"}, {"hash_on_uri_capture", "hash_fallback_uri_capture"}}) {
            JsonNode a = row.get(pair[0]);
            if (a != null && !a.isNull() && a.equals(row.get(pair[1]))) {
                EntityHooks.entityError(errors, "values of these fields must be distinct: '" + pair[0] + "', '" + pair[1] + "'");
            }
        }
    }

    private static void requiredWhen(ObjectNode row, ObjectNode errors, String ifField, String value, String when,
                                     String field) {
        if (value.equals(when) && row.path(field).isNull() && !errors.has(field)) {
            conditional(errors, ifField, field, "required field missing");
        }
    }

    /** A failed {@code conditional} entity check: the field's error plus Kong's entity message. */
    private static void conditional(ObjectNode errors, String ifField, String field, String message) {
        errors.put(field, message);
        EntityHooks.entityError(errors, "failed conditional validation given value of field '" + ifField + "'");
    }

    /** {@code entities/certificates.lua}: PEM certificate and key that parse, and the key matches the certificate. */
    private static void certificate(ObjectNode row, ObjectNode errors) {
        X509Certificate cert = parseCert(row, "cert", errors);
        PrivateKey key = parseKey(row, "key", errors);
        X509Certificate certAlt = parseCert(row, "cert_alt", errors);
        PrivateKey keyAlt = parseKey(row, "key_alt", errors);
        if (cert != null && key != null && !matches(cert.getPublicKey(), key)) {
            EntityHooks.entityError(errors, "certificate does not match key");
        }
        if (certAlt != null && keyAlt != null && !matches(certAlt.getPublicKey(), keyAlt)) {
            EntityHooks.entityError(errors, "alternative certificate does not match key");
        }
        if (cert != null && certAlt != null
                && cert.getPublicKey().getAlgorithm().equals(certAlt.getPublicKey().getAlgorithm())) {
            EntityHooks.entityError(errors, "certificate and alternative certificate need to have different type (e.g. "
                    + "RSA and ECDSA), the provided certificates were both of the same type");
        }
    }

    /** {@code entities/ca_certificates.lua}: one certificate, not expired, with the CA basic constraint. */
    private static void caCertificate(ObjectNode row, ObjectNode errors) {
        String pem = row.path("cert").asText("");
        X509Certificate cert = parseCert(row, "cert", errors);
        if (cert == null) return;
        String tag = "-----BEGIN CERTIFICATE-----";
        int first = pem.indexOf(tag);
        if (first >= 0 && pem.indexOf(tag, first + tag.length() + 1) >= 0) {
            EntityHooks.entityError(errors, "please submit only one certificate at a time");
        } else if (cert.getNotAfter().getTime() < System.currentTimeMillis()) {
            EntityHooks.entityError(errors, "certificate expired, \"Not After\" time is in the past");
        } else if (cert.getBasicConstraints() < 0) {
            EntityHooks.entityError(errors, "certificate does not appear to be a CA because it is missing the \"CA\" basic constraint");
        }
    }

    /** The SHA-256 of a certificate's DER encoding, in hex ({@code ca_certificates.lua} {@code cert_digest}). */
    static String certDigest(String pem) {
        try {
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (Exception e) {
            return null;
        }
    }

    private static X509Certificate parseCert(ObjectNode row, String field, ObjectNode errors) {
        JsonNode v = row.get(field);
        if (v == null || !v.isTextual() || errors.has(field)) return null;
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(v.asText().getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            // Kong appends OpenSSL's own reason; the prefix is Kong's (typedefs.lua validate_certificate)
            errors.put(field, "invalid certificate: x509.new: " + e.getMessage());
            return null;
        }
    }

    private static PrivateKey parseKey(ObjectNode row, String field, ObjectNode errors) {
        JsonNode v = row.get(field);
        if (v == null || !v.isTextual() || errors.has(field)) return null;
        PrivateKey k = readKey(v.asText());
        if (k == null) errors.put(field, "invalid key: pkey.new:load_key: could not read the key");
        return k;
    }

    /** A PEM private key: PKCS#8, PKCS#1 RSA or SEC1 EC (through BouncyCastle's PEM parser). */
    private static PrivateKey readKey(String pem) {
        try (var parser = new org.bouncycastle.openssl.PEMParser(new java.io.StringReader(pem))) {
            Object o = parser.readObject();
            var conv = new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter();
            if (o instanceof org.bouncycastle.openssl.PEMKeyPair kp) return conv.getKeyPair(kp).getPrivate();
            if (o instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo pk) return conv.getPrivateKey(pk);
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    /** Whether the private key belongs to the public key (same public part). */
    private static boolean matches(PublicKey pub, PrivateKey key) {
        try {
            if (key instanceof java.security.interfaces.RSAPrivateCrtKey rsa
                    && pub instanceof java.security.interfaces.RSAPublicKey rp) {
                return rsa.getModulus().equals(rp.getModulus());
            }
            if (key instanceof java.security.interfaces.ECPrivateKey ec
                    && pub instanceof java.security.interfaces.ECPublicKey ep) {
                var spec = org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util.convertSpec(ec.getParams());
                var q = spec.getG().multiply(ec.getS()).normalize();
                return q.getAffineXCoord().toBigInteger().equals(ep.getW().getAffineX())
                        && q.getAffineYCoord().toBigInteger().equals(ep.getW().getAffineY());
            }
            return pub.getAlgorithm().equals(key.getAlgorithm());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
