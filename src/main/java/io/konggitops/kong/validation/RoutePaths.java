package io.konggitops.kong.validation;

/**
 * {@code typedefs.router_path}: a prefix path ({@code /...}) or a regex path ({@code ~/...}), no empty segment; a
 * prefix path must be in normalized form, a regex path must compile with PCRE ({@code validate_path_with_regexes}).
 */
final class RoutePaths {
    static final String HINT_REGEX = "fix the regular expression (escape literal characters such as ( ) [ ] { } . + ? "
            + "with a backslash), or use pathType Prefix for a plain path";

    private RoutePaths() {
    }

    /** {@code router_path}; the normalized-form rule exists from Kong 3.1. */
    static Typedef routerPath(boolean normalizedForm) {
        return Typedef.string(p -> check(p, normalizedForm));
    }

    private static String check(String path, boolean normalizedForm) {
        if (!path.startsWith("/") && !path.startsWith("~/")) {
            return "should start with: / (fixed path) or ~/ (regex path)";
        }
        if (path.contains("//")) return "must not have empty segments";
        UriPaths.PathError e = UriPaths.validatePath(path);
        if (e != null && e.code().equals("percent")) return e.message();
        if (!path.startsWith("~")) {
            if (!normalizedForm) return null;
            String normalized = UriPaths.normalize(path);
            return path.equals(normalized) ? null
                    : "non-normalized path, consider use '" + normalized + "' instead";
        }
        String re = path.substring(1);
        String why = PcreRegex.error(re);
        return why == null ? null : "invalid regex: '" + re + "' (PCRE would refuse it: " + why + ")";
    }

    static String hint(String path) {
        if (path.contains("//")) return "remove the empty segment ('//') from the path";
        if (path.startsWith("~")) return HINT_REGEX;
        return "write the path in normalized form (no '.' or '..' segments, no percent-encoded unreserved characters)";
    }
}
