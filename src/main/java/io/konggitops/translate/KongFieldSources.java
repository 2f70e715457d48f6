package io.konggitops.translate;

import io.konggitops.kong.validation.Violation;

import java.util.Map;

/** Where a Kong field comes from in the manifests (KIC's annotations and spec fields), to say what to change. */
final class KongFieldSources {
    /** Key: {@code <schema name>/<field>}. */
    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("routes/tags", "konghq.com/tags"),
            Map.entry("routes/paths", "the Ingress path (spec.rules[].http.paths[].path and pathType)"),
            Map.entry("routes/snis", "konghq.com/snis"),
            Map.entry("routes/headers", "konghq.com/headers.*"),
            Map.entry("routes/methods", "konghq.com/methods"),
            Map.entry("routes/hosts", "the Ingress rule host (spec.rules[].host) and konghq.com/host-aliases"),
            Map.entry("routes/protocols", "konghq.com/protocols"),
            Map.entry("routes/https_redirect_status_code", "konghq.com/https-redirect-status-code"),
            Map.entry("routes/regex_priority", "konghq.com/regex-priority"),
            Map.entry("routes/path_handling", "konghq.com/path-handling"),
            Map.entry("routes/strip_path", "konghq.com/strip-path"),
            Map.entry("services/tags", "konghq.com/tags"),
            Map.entry("services/path", "konghq.com/path"),
            Map.entry("services/protocol", "konghq.com/protocol"),
            Map.entry("services/retries", "konghq.com/retries"),
            Map.entry("services/connect_timeout", "konghq.com/connect-timeout"),
            Map.entry("services/read_timeout", "konghq.com/read-timeout"),
            Map.entry("services/write_timeout", "konghq.com/write-timeout"),
            Map.entry("services/tls_verify", "konghq.com/tls-verify"),
            Map.entry("services/tls_verify_depth", "konghq.com/tls-verify-depth"),
            Map.entry("services/client_certificate", "konghq.com/client-cert"),
            Map.entry("services/ca_certificates", "konghq.com/ca-certificates-secrets"),
            Map.entry("upstreams/tags", "konghq.com/tags"),
            Map.entry("upstreams/host_header", "konghq.com/host-header"),
            Map.entry("upstreams/name", "the Service name and namespace"),
            Map.entry("snis/name", "the Ingress spec.tls[].hosts"),
            Map.entry("certificates/tags", "konghq.com/tags on the Secret"),
            Map.entry("certificates/cert", "the Secret's tls.crt"),
            Map.entry("certificates/key", "the Secret's tls.key"));

    private KongFieldSources() {
    }

    static String hint(Violation v) {
        String root = v.field().replaceAll("[\\[.].*$", "");
        String source = SOURCES.get(v.entity().type().schemaName() + "/" + root);
        String hint = v.hint();
        if (source != null) hint = (hint.isEmpty() ? "" : hint + "; ") + "this field comes from " + source;
        return hint;
    }
}
