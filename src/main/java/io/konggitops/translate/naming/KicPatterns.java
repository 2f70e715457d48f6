package io.konggitops.translate.naming;

import java.util.regex.Pattern;

/**
 * KIC's validity patterns for the values of route annotations and route matchers (KIC's annotations package and its
 * expression builder): the same for traditional and expression routes, for Ingress and Gateway API routes alike.
 */
public final class KicPatterns {
    /** An HTTP method: upper-case letters only. */
    public static final Pattern METHOD = Pattern.compile("^[A-Z]+$");
    /** An SNI: a plain host name, no wildcard. */
    public static final Pattern SNI =
            Pattern.compile("^([a-zA-Z0-9]+(-[a-zA-Z0-9]+)*)+(\\.([a-zA-Z0-9]+(-[a-zA-Z0-9]+)*))*$");
    /** A host: a host name, optionally with a leading {@code *.} or a trailing {@code .*}. */
    public static final Pattern HOST = Pattern.compile(
            "^(\\*\\.)?([a-zA-Z0-9]+(-[a-zA-Z0-9]+)*)+(\\.([a-zA-Z0-9]+(-[a-zA-Z0-9]+)*))*?(\\.\\*)?$");

    private KicPatterns() {
    }
}
