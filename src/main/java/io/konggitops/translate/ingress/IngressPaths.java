package io.konggitops.translate.ingress;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Ingress path + pathType to Kong route paths for the traditional routers (kic-translation §1.5, KIC
 * {@code PathsFromIngressPaths} and {@code MaybePrependRegexPrefix}). Regex metacharacters are not escaped, as in KIC.
 */
public final class IngressPaths {
    /** KIC's default controller regex prefix for ImplementationSpecific paths. */
    public static final String DEFAULT_REGEX_PREFIX = "/~";
    private static final String KONG_REGEX_PREFIX = "~";
    /** Matches paths that Kong 2.x did NOT consider a regex. */
    private static final Pattern LEGACY_PLAIN_PATH = Pattern.compile("^[a-zA-Z0-9.\\-_~/%]*$");

    private IngressPaths() {
    }

    /**
     * Kong paths for one Ingress path, after normalisation (slashes flattened, empty → {@code /}, missing pathType →
     * ImplementationSpecific), with the regex prefix applied to every generated path.
     *
     * @param regexPrefix          {@code konghq.com/regex-prefix} of the Ingress, or {@link #DEFAULT_REGEX_PREFIX}
     * @param legacyRegexDetection {@code IngressClassParameters.spec.enableLegacyRegexDetection}
     * @return the paths, empty for an unknown pathType
     */
    public static List<String> kongPaths(String path, String pathType, String regexPrefix,
                                         boolean legacyRegexDetection) {
        String p = normalisePath(path);
        String type = pathType == null || pathType.isEmpty() ? "ImplementationSpecific" : pathType;
        List<String> plain = new ArrayList<>();
        List<String> regex = new ArrayList<>();
        switch (type) {
            case "Prefix" -> {
                String base = trim(p, '/');
                if (base.isEmpty()) {
                    plain.add("/");
                } else {
                    plain.add("/" + base + "/");
                    regex.add(KONG_REGEX_PREFIX + "/" + base + "$");
                }
            }
            case "Exact" -> regex.add(KONG_REGEX_PREFIX + "/" + trimLeft(p, '/') + "$");
            case "ImplementationSpecific" -> plain.add(p.isEmpty() ? "/" : p);
            default -> {
                return List.of();
            }
        }
        plain.addAll(regex);
        List<String> out = new ArrayList<>(plain.size());
        for (String s : plain) out.add(maybePrependRegexPrefix(s, regexPrefix, legacyRegexDetection));
        return out;
    }

    /** Multiple slashes collapsed; empty becomes {@code /}. */
    public static String normalisePath(String path) {
        String p = path == null ? "" : path.replaceAll("/{2,}", "/");
        return p.isEmpty() ? "/" : p;
    }

    static String maybePrependRegexPrefix(String path, String controllerPrefix, boolean legacyHeuristic) {
        if (path.startsWith(controllerPrefix)) {
            return KONG_REGEX_PREFIX + path.substring(controllerPrefix.length());
        }
        if (legacyHeuristic && !LEGACY_PLAIN_PATH.matcher(path).matches() && !path.startsWith(KONG_REGEX_PREFIX)) {
            return KONG_REGEX_PREFIX + path;
        }
        return path;
    }

    private static String trim(String s, char c) {
        return trimRight(trimLeft(s, c), c);
    }

    private static String trimLeft(String s, char c) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == c) i++;
        return s.substring(i);
    }

    private static String trimRight(String s, char c) {
        int i = s.length();
        while (i > 0 && s.charAt(i - 1) == c) i--;
        return s.substring(0, i);
    }
}
