package io.konggitops.kong.validation;

import java.util.regex.Pattern;

/** {@code typedefs.hosts} elements: at most one wildcard, as the leftmost or rightmost label, then a host[:port]. */
final class RouteHosts {
    private static final Pattern AT_MOST_ONE = Pattern.compile("^[^*]*\\*?[^*]*$");
    private static final Pattern PLACED = Pattern.compile("^\\*\\.|\\.\\*$|^[^*]*$");

    static final Typedef HOST = Typedef.string(RouteHosts::check);

    private RouteHosts() {
    }

    private static String check(String host) {
        if (!AT_MOST_ONE.matcher(host).matches()) return "invalid wildcard: must have at most one wildcard";
        if (!PLACED.matcher(host).find()) return "invalid wildcard: must be placed at leftmost or rightmost label";
        return HostNames.hostWithOptionalPort(host.replace("*", "abc"));
    }
}
