package io.konggitops.translate.gateway.http;

import io.konggitops.translate.model.RouteDraft;

/**
 * URLRewrite {@code ReplacePrefixMatch} (KIC): the request-transformer URI built from the first capture group, and the
 * traditional route's paths rewritten to an exact path plus a capture of the rest.
 */
final class PathRewrites {
    private PathRewrites() {
    }

    /** {@code "/"} for an empty or root path, else the path without its trailing slash. */
    static String normalize(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) return "/";
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The {@code replace.uri} value, with KIC's Lua ternaries for an empty replacement or a root path. */
    static String replaceUri(String replacePrefixMatch, String normalizedPath) {
        if (replacePrefixMatch == null) return "/";
        String replacement = replacePrefixMatch.endsWith("/")
                ? replacePrefixMatch.substring(0, replacePrefixMatch.length() - 1) : replacePrefixMatch;
        boolean root = normalizedPath.equals("/");
        if (replacement.isEmpty()) {
            return root ? "$(uri_captures[1] == nil and \"/\" or \"/\" .. uri_captures[1])"
                    : "$(uri_captures[1] == nil and \"/\" or uri_captures[1])";
        }
        return root ? replacement + "$(uri_captures[1] == nil and \"\" or \"/\" .. uri_captures[1])"
                : replacement + "$(uri_captures[1])";
    }

    /** Traditional router: {@code ~<path>$} and {@code ~<path>(/.*)} ({@code ~/(.*)} for the root). */
    static void capturePaths(RouteDraft r, String normalizedPath) {
        r.paths.clear();
        r.paths.add("~" + normalizedPath + "$");
        r.paths.add(normalizedPath.equals("/") ? "~/(.*)" : "~" + normalizedPath + "(/.*)");
    }
}
