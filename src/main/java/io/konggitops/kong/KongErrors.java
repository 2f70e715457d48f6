package io.konggitops.kong;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konggitops.problem.ObjectRef;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns Admin API failures into {@link KongApiException}s whose message names the Kong entity, the request, Kong's
 * answer and, when known, the manifest object and its file:line. Values of secret fields (credential keys,
 * passwords, certificate keys) are never copied into a message.
 */
final class KongErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 500;

    private KongErrors() {
    }

    /** A non-2xx answer. {@code request} is e.g. {@code PUT /services/0b1c...}. */
    static KongApiException http(String request, int status, String body, String retryAfterHeader, KongEntity entity,
                                 String tokenHeader) {
        Map<String, Object> error = parse(body);
        Integer code = error.get("code") instanceof Number n ? n.intValue() : null;
        String name = error.get("name") instanceof String s ? s : null;
        String kongMessage = error.get("message") instanceof String s ? s : error.isEmpty() ? shorten(body) : null;
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = error.get("fields") instanceof Map<?, ?> f
                ? new TreeMap<>((Map<String, Object>) f) : Map.of();
        if (code != null && code == 5 && fields.keySet().stream().anyMatch(SensitiveFields::isSecretName)) {
            fields = maskSecretValues(fields);
            kongMessage = "UNIQUE violation detected on " + fields;
        }
        Duration retryAfter = retryAfter(retryAfterHeader);

        StringBuilder msg = new StringBuilder();
        if (entity != null) msg.append(entity.label()).append(": ");
        msg.append(request).append(" failed with HTTP ").append(status);
        if (name != null) msg.append(" (").append(name).append(')');
        msg.append(": ").append(kongMessage == null || kongMessage.isBlank() ? "(no message)" : kongMessage);
        if (!fields.isEmpty() && (code == null || code != 5)) {
            msg.append(" [fields: ").append(describeFields("", fields)).append(']');
        }
        String hint = hint(status, code, kongMessage, tokenHeader);
        if (hint != null) msg.append(". ").append(hint);
        appendSource(msg, entity);
        if (retryAfter != null) msg.append(" (Kong asks to retry after ").append(retryAfter.toSeconds()).append(" s)");
        return new KongApiException(msg.toString(), status, code, name, kongMessage, fields, entity, retryAfter, null);
    }

    /** A 400 from {@code POST /config}: one line per entity from {@code flattened_errors}. */
    static KongApiException config(String request, int status, String body, String retryAfterHeader) {
        Map<String, Object> error = parse(body);
        if (status != 400 || !(error.get("flattened_errors") instanceof List<?> flat) || flat.isEmpty()) {
            return http(request, status, body, retryAfterHeader, null, null);
        }
        List<KongConfigException.EntityError> errors = new ArrayList<>();
        for (Object o : flat) {
            if (o instanceof Map<?, ?> item) errors.add(entityError(item));
        }
        Integer code = error.get("code") instanceof Number n ? n.intValue() : null;
        String name = error.get("name") instanceof String s ? s : null;
        StringBuilder msg = new StringBuilder(request).append(": Kong rejected the declarative configuration (HTTP ")
                .append(status).append(name == null ? "" : ", " + name).append("), ").append(errors.size())
                .append(errors.size() == 1 ? " entity has errors:" : " entities have errors:");
        for (KongConfigException.EntityError e : errors) msg.append("\n  - ").append(e);
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = error.get("fields") instanceof Map<?, ?> f ? (Map<String, Object>) f : Map.of();
        return new KongConfigException(msg.toString(), status, code, name,
                error.get("message") instanceof String s ? shorten(s) : null, fields, retryAfter(retryAfterHeader), errors);
    }

    /** The request never got an HTTP answer: status 0 (retryable). */
    static KongApiException io(String request, String baseUrl, IOException e, KongEntity entity, boolean customCa) {
        StringBuilder msg = new StringBuilder();
        if (entity != null) msg.append(entity.label()).append(": ");
        msg.append(request).append(" failed: ").append(describeIo(baseUrl, e, customCa));
        appendSource(msg, entity);
        return new KongApiException(msg.toString(), 0, null, null, null, null, entity, null, e);
    }

    private static String describeIo(String baseUrl, IOException e, boolean customCa) {
        String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (e instanceof SSLPeerUnverifiedException
                || causeChainMentions(e, "No subject alternative names", "No name matching")) {
            return "the TLS certificate of the Kong Admin API at " + baseUrl + " does not name that host (" + detail
                    + "); use the host name the certificate was issued for";
        }
        if (e instanceof SSLHandshakeException && causeChainMentions(e, "PKIX", "certification path", "CertPath")) {
            return "the TLS certificate of the Kong Admin API at " + baseUrl + " is not trusted by "
                    + (customCa ? "the given CA certificate" : "the JVM trust store") + " (" + detail
                    + "); give the CA certificate that signed it (CA cert option), or for tests only skip TLS verification";
        }
        if (e instanceof SSLException) {
            return "TLS handshake with the Kong Admin API at " + baseUrl + " failed (" + detail
                    + "); check the URL scheme, the CA certificate and, if Kong requires one, the client certificate";
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException) {
            return "cannot connect to the Kong Admin API at " + baseUrl + " (" + detail + ")";
        }
        if (e instanceof SocketTimeoutException) {
            return "no answer from the Kong Admin API at " + baseUrl + " in time (" + detail + ")";
        }
        return "I/O error talking to the Kong Admin API at " + baseUrl + " (" + detail + ")";
    }

    private static boolean causeChainMentions(Throwable t, String... needles) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String s = c.getClass().getName() + " " + c.getMessage();
            for (String n : needles) if (s.contains(n)) return true;
        }
        return false;
    }

    private static String hint(int status, Integer code, String kongMessage, String tokenHeader) {
        if ((code != null && code == 12) || (status == 405 && kongMessage != null
                && kongMessage.contains("when not using a database"))) {
            return "Kong runs DB-less (database = off) and refuses writes to single entities; kong-gitops applies a"
                    + " DB-less Kong with POST /config. Check that GET / of this Admin URL reports configuration.database"
                    + " = off, so the job takes that path, and that the URL points at the node you meant";
        }
        if (status == 401 || status == 403) {
            return "check the admin token (sent as header " + (tokenHeader == null ? "Kong-Admin-Token" : tokenHeader)
                    + ") and its RBAC permissions";
        }
        return null;
    }

    private static void appendSource(StringBuilder msg, KongEntity entity) {
        if (entity == null || (entity.source() == null && entity.origin() == null)) return;
        msg.append(" (from ");
        if (entity.source() != null) msg.append(entity.source());
        if (entity.source() != null && entity.origin() != null) msg.append(" at ");
        if (entity.origin() != null) msg.append(entity.origin());
        msg.append(')');
    }

    private static KongConfigException.EntityError entityError(Map<?, ?> item) {
        List<String> messages = new ArrayList<>();
        if (item.get("errors") instanceof List<?> errs) {
            for (Object o : errs) {
                if (o instanceof Map<?, ?> err) {
                    Object field = err.get("field");
                    Object message = err.get("message");
                    messages.add(field != null && !"entity".equals(err.get("type"))
                            ? field + ": " + message : String.valueOf(message));
                }
            }
        }
        if (messages.isEmpty()) messages.add("invalid (Kong gave no detail)");
        return new KongConfigException.EntityError(str(item.get("entity_type")), str(item.get("entity_name")),
                str(item.get("entity_id")), sourceFromTags(item.get("entity_tags")), messages);
    }

    /** {@code k8s-kind:Ingress}, {@code k8s-namespace:shop}, {@code k8s-name:web} → {@code Ingress shop/web}. */
    static ObjectRef sourceFromTags(Object tags) {
        if (!(tags instanceof List<?> list)) return null;
        String kind = null;
        String ns = null;
        String name = null;
        for (Object t : list) {
            String s = String.valueOf(t);
            if (s.startsWith("k8s-kind:")) kind = s.substring("k8s-kind:".length());
            else if (s.startsWith("k8s-namespace:")) ns = s.substring("k8s-namespace:".length());
            else if (s.startsWith("k8s-name:")) name = s.substring("k8s-name:".length());
        }
        return kind == null || name == null ? null : ObjectRef.of(kind, ns, name);
    }

    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) return null;
        String h = header.trim();
        try {
            long seconds = Long.parseLong(h);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)).toInstant();
                Duration d = Duration.between(Instant.now(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String describeFields(String prefix, Map<?, ?> fields) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            String key = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested) {
                parts.add(describeFields(key, nested));
            } else if (SensitiveFields.isSecretName(String.valueOf(e.getKey())) && !(e.getValue() instanceof String)) {
                parts.add(key + ": (value hidden)");
            } else {
                parts.add(key + ": " + e.getValue());
            }
        }
        return String.join("; ", parts);
    }

    private static Map<String, Object> maskSecretValues(Map<String, Object> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k, SensitiveFields.isSecretName(k) ? "(hidden)" : v));
        return out;
    }

    private static Map<String, Object> parse(String body) {
        if (body == null || body.isBlank()) return Map.of();
        try {
            Object v = JSON.readValue(body, Object.class);
            if (v instanceof Map<?, ?>) {
                return JSON.convertValue(v, new TypeReference<Map<String, Object>>() { });
            }
        } catch (IOException | IllegalArgumentException notJson) {
            // fall through: plain text body
        }
        return Map.of();
    }

    private static String shorten(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.length() <= MAX_TEXT ? t : t.substring(0, MAX_TEXT) + "…";
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
