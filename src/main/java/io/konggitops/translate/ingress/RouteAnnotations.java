package io.konggitops.translate.ingress;

import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.model.RouteDraft;
import io.konggitops.translate.naming.KicPatterns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code konghq.com/*} annotations of the Ingress applied to its Kong routes, in KIC's order
 * ({@code kongstate/route.go overrideByAnnotation}, then {@code normalizeProtocols}). A value KIC ignores is
 * ignored here too, with a WARNING naming the annotation.
 */
public final class RouteAnnotations {
    static final String STRIP_PATH = "konghq.com/strip-path";
    static final String PRESERVE_HOST = "konghq.com/preserve-host";
    static final String PROTOCOLS = "konghq.com/protocols";
    static final String HTTPS_REDIRECT = "konghq.com/https-redirect-status-code";
    static final String FORCE_SSL_REDIRECT = "ingress.kubernetes.io/force-ssl-redirect";
    static final String REQUEST_BUFFERING = "konghq.com/request-buffering";
    static final String RESPONSE_BUFFERING = "konghq.com/response-buffering";
    static final String REGEX_PRIORITY = "konghq.com/regex-priority";
    static final String METHODS = "konghq.com/methods";
    static final String SNIS = "konghq.com/snis";
    static final String HOST_ALIASES = "konghq.com/host-aliases";
    static final String HEADERS_PREFIX = "konghq.com/headers.";
    static final String HEADERS_SEPARATOR = "konghq.com/headers-separator";
    static final String PATH_HANDLING = "konghq.com/path-handling";

    static final Set<String> VALID_PROTOCOLS =
            Set.of("http", "https", "grpc", "grpcs", "ws", "wss", "tls", "tcp", "tls_passthrough");
    private static final Set<Long> REDIRECT_CODES = Set.of(426L, 301L, 302L, 307L, 308L);
    private static final Pattern VALID_PATH_HANDLING = Pattern.compile("v\\d");

    private final Diagnostics diag;

    public RouteAnnotations(Diagnostics diag) {
        this.diag = diag;
    }

    /** The protocols a new Ingress route starts with: the sorted, unvalidated annotation list (or null). */
    static List<String> initialProtocols(Map<String, String> anns) {
        String v = anns.get(PROTOCOLS);
        if (v == null || v.isEmpty()) return null;
        List<String> list = new ArrayList<>(Arrays.asList(v.split(",")));
        list.sort(null);
        return list;
    }

    /** Applies every route annotation; problems are reported once per Ingress (de-duplicated by Diagnostics). */
    public void apply(RouteDraft r, ManifestObject ingress, Map<String, String> anns) {
        applyToExpressionRoute(r, ingress, anns);
        regexPriority(r, ingress, anns);
        methods(r, ingress, anns);
        snis(r, ingress, anns);
        hostAliases(r, ingress, anns);
        headers(r, anns);
        pathHandling(r, ingress, anns);
        normalizeProtocols(r);
    }

    /**
     * The annotations that set fields of an expression route too (KIC {@code overrideByAnnotation} with
     * {@code ExpressionRoutes}): strip-path, redirect code, preserve-host, buffering, protocols. Hosts, methods, SNIs
     * and headers go into the expression instead; regex-priority and path-handling do not apply; protocols are not
     * normalised.
     */
    public void applyToExpressionRoute(RouteDraft r, ManifestObject ingress, Map<String, String> anns) {
        bool(anns, STRIP_PATH, ingress, true).ifPresent(b -> r.stripPath = b);
        httpsRedirect(r, ingress, anns);
        bool(anns, PRESERVE_HOST, ingress, true).ifPresent(b -> r.preserveHost = b);
        bool(anns, REQUEST_BUFFERING, ingress, false).ifPresent(b -> r.requestBuffering = b);
        bool(anns, RESPONSE_BUFFERING, ingress, false).ifPresent(b -> r.responseBuffering = b);
        protocols(r, ingress, anns);
    }

    /**
     * strip-path / preserve-host accept only true/false (any case); the buffering ones accept Go's
     * {@code strconv.ParseBool} values (1, t, true, 0, f, false, any case).
     */
    private java.util.Optional<Boolean> bool(Map<String, String> anns, String key, ManifestObject ingress,
                                             boolean strict) {
        String v = anns.get(key);
        if (v == null || (strict && v.isEmpty())) return java.util.Optional.empty();
        String s = v.toLowerCase(Locale.ROOT);
        if (s.equals("true") || (!strict && (s.equals("1") || s.equals("t")))) return java.util.Optional.of(true);
        if (s.equals("false") || (!strict && (s.equals("0") || s.equals("f")))) return java.util.Optional.of(false);
        invalid(ingress, key, v, "use \"true\" or \"false\"");
        return java.util.Optional.empty();
    }

    private void httpsRedirect(RouteDraft r, ManifestObject ingress, Map<String, String> anns) {
        if ("true".equals(anns.get(FORCE_SSL_REDIRECT))) {
            r.httpsRedirectStatusCode = 302L;
            r.protocols = sslProtocols(r.protocols);
        }
        String code = anns.get(HTTPS_REDIRECT);
        if (code == null || code.isEmpty()) return;
        try {
            long c = Long.parseLong(code.trim().equals(code) ? code : "x");
            if (REDIRECT_CODES.contains(c)) {
                r.httpsRedirectStatusCode = c;
                return;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        invalid(ingress, HTTPS_REDIRECT, code, "use one of 426, 301, 302, 307, 308");
    }

    private static List<String> sslProtocols(List<String> current) {
        boolean http = false;
        boolean grpc = false;
        for (String p : current == null ? List.<String>of() : current) {
            if (p.contains("grpc")) grpc = true;
            if (p.contains("http")) http = true;
        }
        List<String> out = new ArrayList<>();
        if (grpc) out.add("grpcs");
        if (http || !grpc) out.add("https");
        return out;
    }

    private void protocols(RouteDraft r, ManifestObject ingress, Map<String, String> anns) {
        String v = anns.get(PROTOCOLS);
        if (v == null || v.isEmpty()) return;
        List<String> list = Arrays.asList(v.split(","));
        for (String p : list) {
            if (!VALID_PROTOCOLS.contains(p)) {
                // KIC already copied the unvalidated list at translation time: Kong will reject the route.
                diag.report(Severity.ERROR, ingress, "annotation " + PROTOCOLS + " has invalid protocol \"" + p
                                + "\"; Kong will reject the route",
                        "use a comma list of " + String.join(", ", new java.util.TreeSet<>(VALID_PROTOCOLS))
                                + " without spaces");
                return;
            }
        }
        r.protocols = new ArrayList<>(list);
    }

    private void regexPriority(RouteDraft r, ManifestObject ingress, Map<String, String> anns) {
        String v = anns.get(REGEX_PRIORITY);
        if (v == null || v.isEmpty()) return;
        try {
            r.regexPriority = (long) Integer.parseInt(v);
        } catch (NumberFormatException e) {
            invalid(ingress, REGEX_PRIORITY, v, "use an integer");
        }
    }

    private void methods(RouteDraft r, ManifestObject ingress, Map<String, String> anns) {
        String v = anns.get(METHODS);
        if (v == null || v.isEmpty()) return;
        List<String> out = new ArrayList<>();
        for (String m : v.split(",", -1)) {
            if (!KicPatterns.METHOD.matcher(m).matches()) {
                invalid(ingress, METHODS, v, "use upper-case HTTP methods separated by commas, no spaces");
                return;
            }
            out.add(m);
        }
        r.methods = out;
    }

    private void snis(RouteDraft r, ManifestObject ingress, Map<String, String> anns) {
        if (!anns.containsKey(SNIS)) return;
        String v = anns.get(SNIS);
        if (v == null || v.isEmpty()) {
            r.snis = null;
            return;
        }
        List<String> out = new ArrayList<>();
        for (String s : v.split(",", -1)) {
            if (!KicPatterns.SNI.matcher(s).matches()) {
                invalid(ingress, SNIS, v, "use host names separated by commas, no spaces");
                return;
            }
            out.add(s);
        }
        r.snis = out;
    }

    private void hostAliases(RouteDraft r, ManifestObject ingress, Map<String, String> anns) {
        String v = anns.get(HOST_ALIASES);
        if (v == null || v.isEmpty()) return;
        List<String> hosts = new ArrayList<>(r.hosts);
        for (String h : v.split(",", -1)) {
            if (!KicPatterns.HOST.matcher(h).matches()) {
                invalid(ingress, HOST_ALIASES, v, "use host names separated by commas, no spaces");
                return;
            }
            if (!hosts.contains(h)) hosts.add(h);
        }
        r.hosts = hosts;
    }

    private static void headers(RouteDraft r, Map<String, String> anns) {
        String sep = anns.getOrDefault(HEADERS_SEPARATOR, ",");
        Map<String, List<String>> headers = new TreeMap<>();
        for (Map.Entry<String, String> e : anns.entrySet()) {
            if (!e.getKey().startsWith(HEADERS_PREFIX)) continue;
            String name = e.getKey().substring(HEADERS_PREFIX.length());
            String val = e.getValue();
            if (name.isEmpty() || val == null || val.isEmpty()) continue;
            List<String> values = new ArrayList<>();
            for (String hv : sep.isEmpty() ? splitChars(val) : val.split(Pattern.quote(sep), -1)) {
                values.add(hv.trim());
            }
            headers.put(name, values);
        }
        if (!headers.isEmpty()) r.headers = headers;
    }

    /** Go's strings.Split with an empty separator splits into UTF-8 characters. */
    private static String[] splitChars(String s) {
        return s.codePoints().mapToObj(Character::toString).toArray(String[]::new);
    }

    private void pathHandling(RouteDraft r, ManifestObject ingress, Map<String, String> anns) {
        if (!anns.containsKey(PATH_HANDLING)) return;
        String v = anns.get(PATH_HANDLING);
        if (v == null || !VALID_PATH_HANDLING.matcher(v).find()) {
            invalid(ingress, PATH_HANDLING, v, "use v0 or v1");
            return;
        }
        r.pathHandling = v;
    }

    /** KIC's normalizeProtocols: grpc mixed with http (or an invalid value) becomes [http, https]; grpc drops strip_path. */
    private static void normalizeProtocols(RouteDraft r) {
        if (r.protocols == null) return;
        boolean http = false;
        boolean grpc = false;
        for (String p : r.protocols) {
            if (p.contains("grpc")) grpc = true;
            if (p.contains("http") || !VALID_PROTOCOLS.contains(p)) http = true;
        }
        if (grpc && http) r.protocols = new ArrayList<>(List.of("http", "https"));
        if (grpc) r.stripPath = null;
    }

    private void invalid(ManifestObject ingress, String key, String value, String hint) {
        diag.report(Severity.WARNING, ingress, "annotation " + key + " has invalid value \"" + value
                + "\"; it is ignored (as KIC does)", hint);
    }
}
