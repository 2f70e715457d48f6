package io.konggitops.translate.ingress;

import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.atc.Field;
import io.konggitops.translate.atc.HostMatchers;
import io.konggitops.translate.atc.Matcher;
import io.konggitops.translate.atc.Op;
import io.konggitops.translate.model.RouteDraft;
import io.konggitops.translate.naming.KicPatterns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Ingress routes for Kong's expressions router (kic-translation §1.12, KIC {@code ingress_atc.go}): one expression
 * per Kong route, the AND of its hosts (rule host + {@code konghq.com/host-aliases}), its paths, the
 * {@code konghq.com/headers.*}, {@code konghq.com/methods} and {@code konghq.com/snis} annotations, each part the OR of
 * its values; and the priority KIC packs into bits from the same inputs ({@link IngressPriority}).
 */
final class IngressExpressions {
    /**
     * An Ingress path after KIC's normalisation: slashes flattened, empty → {@code /}, no type →
     * ImplementationSpecific.
     */
    record PathSpec(String path, String type) {
    }

    private static final String HEADER_REGEX_PREFIX = "~*";

    private final Diagnostics diag;

    IngressExpressions(Diagnostics diag) {
        this.diag = diag;
    }

    /** The default backend's route: every path, priority 0 (below every rule route). */
    static void applyDefaultBackend(RouteDraft r) {
        r.expression = Matcher.predicate(Field.HTTP_PATH, Op.PREFIX, "/").expression();
        r.priority = 0L;
        clearTraditional(r);
    }

    /** Sets the expression and priority of a rule route; {@code host} is the rule's host ({@code ""} for none). */
    void apply(RouteDraft r, ManifestObject ingress, String host, List<PathSpec> paths, Map<String, String> anns) {
        String regexPrefix = regexPrefix(anns);
        List<String> hosts = hosts(host, anns);
        Map<String, List<String>> headers = headers(anns);
        List<String> methods = commaList(anns.get(RouteAnnotations.METHODS), true);
        List<String> snis = anns.containsKey(RouteAnnotations.SNIS)
                ? commaList(anns.get(RouteAnnotations.SNIS), false) : List.of();

        List<Matcher> parts = new ArrayList<>();
        if (!hosts.isEmpty()) parts.add(HostMatchers.anyOf(hosts));
        List<Matcher> pathMatchers = new ArrayList<>();
        for (PathSpec p : paths) pathMatchers.add(pathMatcher(p, regexPrefix));
        parts.add(new Matcher.Or(pathMatchers));
        if (!headers.isEmpty()) parts.add(headerMatcher(headers));
        if (!methods.isEmpty()) parts.add(valuesMatcher(ingress, Field.HTTP_METHOD, methods, KicPatterns.METHOD,
                RouteAnnotations.METHODS));
        if (!snis.isEmpty()) parts.add(valuesMatcher(ingress, Field.TLS_SNI, snis, KicPatterns.SNI, RouteAnnotations.SNIS));
        r.expression = new Matcher.And(parts).expression();

        IngressPriority traits = IngressPriority.of(paths, regexPrefix, hosts, headers.size(), !headers.isEmpty(),
                !methods.isEmpty(), !snis.isEmpty());
        r.priority = traits.encode();
        clearTraditional(r);
        for (String ignored : List.of(RouteAnnotations.REGEX_PRIORITY, RouteAnnotations.PATH_HANDLING)) {
            if (anns.containsKey(ignored)) {
                diag.report(Severity.WARNING, ingress, "annotation " + ignored + " is ignored under Kong's "
                        + "expressions router (as KIC does): the route's priority comes from its matchers",
                        "remove " + ignored + ", or run Kong with router_flavor traditional_compatible");
            }
        }
    }

    /** KIC: the {@code konghq.com/regex-prefix} annotation, or {@code /~} when it is missing or empty. */
    static String regexPrefix(Map<String, String> anns) {
        String p = anns.get(IngressAnnotations.REGEX_PREFIX);
        return p == null || p.isEmpty() ? IngressPaths.DEFAULT_REGEX_PREFIX : p;
    }

    /** The rule's host, then every {@code konghq.com/host-aliases} entry. */
    static List<String> hosts(String host, Map<String, String> anns) {
        List<String> out = new ArrayList<>();
        if (host != null && !host.isEmpty()) out.add(host);
        out.addAll(commaList(anns.get(RouteAnnotations.HOST_ALIASES), false));
        return out;
    }

    private static void clearTraditional(RouteDraft r) {
        r.paths.clear();
        r.hosts = new ArrayList<>();
        r.regexPriority = null;
        r.pathHandling = null;
        r.methods = null;
        r.snis = null;
        r.headers = null;
    }

    /** KIC {@code pathMatcherFromIngressPath}. */
    static Matcher pathMatcher(PathSpec p, String regexPrefix) {
        switch (p.type()) {
            case "Prefix" -> {
                String base = trim(p.path());
                if (base.isEmpty()) return Matcher.predicate(Field.HTTP_PATH, Op.PREFIX, "/");
                return Matcher.or(Matcher.predicate(Field.HTTP_PATH, Op.EQUALS, "/" + base),
                        Matcher.predicate(Field.HTTP_PATH, Op.PREFIX, "/" + base + "/"));
            }
            case "Exact" -> {
                return Matcher.predicate(Field.HTTP_PATH, Op.EQUALS, "/" + trimLeft(p.path()));
            }
            case "ImplementationSpecific" -> {
                if (p.path().isEmpty()) return Matcher.predicate(Field.HTTP_PATH, Op.PREFIX, "/");
                if (!regexPrefix.isEmpty() && p.path().startsWith(regexPrefix)) {
                    String regex = p.path().substring(regexPrefix.length());
                    if (regex.isEmpty()) regex = "^/";
                    if (!regex.startsWith("^")) regex = "^" + regex;
                    return Matcher.predicate(Field.HTTP_PATH, Op.REGEX, regex);
                }
                return Matcher.predicate(Field.HTTP_PATH, Op.PREFIX, p.path());
            }
            default -> {
                return new Matcher.Or(List.of());
            }
        }
    }

    /**
     * KIC {@code headerMatcherFromHeaders}: header names sorted; the values of one header OR-ed ({@code ~*value} is a
     * regex match, anything else exact); headers AND-ed. {@code Host} is matched by {@code http.host}, not here.
     */
    static Matcher headerMatcher(Map<String, List<String>> headers) {
        List<Matcher> perHeader = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : new TreeMap<>(headers).entrySet()) {
            Field field = Field.header(e.getKey());
            if (field.name().equals("http.headers.host")) continue;
            List<Matcher> values = new ArrayList<>();
            for (String v : e.getValue()) {
                values.add(v.startsWith(HEADER_REGEX_PREFIX)
                        ? Matcher.predicate(field, Op.REGEX, v.substring(HEADER_REGEX_PREFIX.length()))
                        : Matcher.predicate(field, Op.EQUALS, v));
            }
            perHeader.add(new Matcher.Or(values));
        }
        return new Matcher.And(perHeader);
    }

    /** Methods or SNIs OR-ed; an invalid entry is left out of the expression (KIC skips it) and reported. */
    private Matcher valuesMatcher(ManifestObject ingress, Field field, List<String> values, Pattern valid,
                                  String annotation) {
        List<Matcher> parts = new ArrayList<>();
        for (String v : values) {
            if (valid.matcher(v).matches()) {
                parts.add(Matcher.predicate(field, Op.EQUALS, v));
            } else {
                diag.report(Severity.WARNING, ingress, "annotation " + annotation + " has invalid entry \"" + v
                        + "\"; it is left out of the route expression (as KIC does)", annotation.equals(
                        RouteAnnotations.METHODS) ? "use HTTP method names separated by commas"
                        : "use host names separated by commas");
            }
        }
        return new Matcher.Or(parts);
    }

    /**
     * KIC {@code ExtractHeaders}: {@code konghq.com/headers.<name>} with a non-empty value, split on
     * {@code konghq.com/headers-separator} (default {@code ,}) and trimmed.
     */
    static Map<String, List<String>> headers(Map<String, String> anns) {
        String sep = anns.getOrDefault(RouteAnnotations.HEADERS_SEPARATOR, ",");
        Map<String, List<String>> out = new TreeMap<>();
        for (Map.Entry<String, String> e : anns.entrySet()) {
            if (!e.getKey().startsWith(RouteAnnotations.HEADERS_PREFIX)) continue;
            String name = e.getKey().substring(RouteAnnotations.HEADERS_PREFIX.length());
            if (name.isEmpty() || e.getValue() == null || e.getValue().isEmpty()) continue;
            List<String> values = new ArrayList<>();
            for (String v : split(e.getValue(), sep)) values.add(v.trim());
            out.put(name, values);
        }
        return out;
    }

    /** Go's {@code strings.Split}: an empty separator splits into characters. */
    private static String[] split(String s, String sep) {
        if (sep.isEmpty()) return s.codePoints().mapToObj(Character::toString).toArray(String[]::new);
        return s.split(Pattern.quote(sep), -1);
    }

    /** KIC {@code extractCommaDelimitedStrings}: split on commas, trimmed, empty entries dropped. */
    static List<String> commaList(String value, boolean upperCase) {
        List<String> out = new ArrayList<>();
        if (value == null || value.isBlank()) return out;
        for (String v : value.split(",", -1)) {
            String s = v.trim();
            if (s.isEmpty()) continue;
            out.add(upperCase ? s.toUpperCase(Locale.ROOT) : s);
        }
        return out;
    }

    /** Length in bytes, as Go's {@code len} counts a string. */
    static int byteLength(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    static String trim(String s) {
        return trimRight(trimLeft(s));
    }

    static String trimLeft(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '/') i++;
        return s.substring(i);
    }

    private static String trimRight(String s) {
        int i = s.length();
        while (i > 0 && s.charAt(i - 1) == '/') i--;
        return s.substring(0, i);
    }
}
