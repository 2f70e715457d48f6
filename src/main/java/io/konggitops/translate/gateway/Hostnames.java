package io.konggitops.translate.gateway;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gateway API hostname rules (gateway-api.md §2.1-2.2): a wildcard {@code *.example.com} covers one or more labels in
 * front of {@code example.com}, never {@code example.com} itself; a listener without hostname matches any host. The
 * intersection of a listener and a route hostname is the more specific of the two when one covers the other (KIC
 * {@code getMinimumHostnameIntersection}).
 */
public final class Hostnames {
    private Hostnames() {
    }

    /** Whether {@code mask} (precise or {@code *.} wildcard) covers {@code host} (precise or wildcard). */
    public static boolean covers(String mask, String host) {
        if (mask.equals(host)) return true;
        if (!mask.startsWith("*.")) return false;
        String suffix = mask.substring(1);
        return host.length() > suffix.length() && host.endsWith(suffix);
    }

    /**
     * The hostname traffic must match when a route hostname meets a listener hostname, or null when they do not
     * intersect. {@code listener} null or empty = any host.
     */
    public static String intersection(String listener, String route) {
        if (listener == null || listener.isEmpty()) return route;
        if (covers(listener, route)) return route;
        if (covers(route, listener)) return listener;
        return null;
    }

    /** Whether the route (its hostnames; none = any) has at least one hostname in common with the listener. */
    public static boolean intersects(String listener, List<String> routeHostnames) {
        if (routeHostnames.isEmpty()) return true;
        return routeHostnames.stream().anyMatch(h -> intersection(listener, h) != null);
    }

    /** Whether the listener's hostname takes part in matching (HTTP, HTTPS and TLS; not TCP or UDP). */
    static boolean effective(String protocol) {
        return "HTTP".equals(protocol) || "HTTPS".equals(protocol) || "TLS".equals(protocol);
    }

    /**
     * The route's hostnames narrowed by the listeners it attached to (KIC {@code filterHostnames}): with no route
     * hostnames, the union of the listeners' hostnames, or none (any host) when one of them has no hostname; else
     * each route hostname's intersection with each listener, distinct, in route order. Empty = any host.
     */
    public static List<String> narrow(List<String> routeHostnames, List<GatewayListener> listeners) {
        List<GatewayListener> hostnamed = listeners.stream().filter(l -> effective(l.protocol())).toList();
        Set<String> out = new LinkedHashSet<>();
        if (routeHostnames.isEmpty()) {
            for (GatewayListener l : hostnamed) {
                if (l.hostname() == null || l.hostname().isEmpty()) return List.of();
                out.add(l.hostname());
            }
            return new ArrayList<>(out);
        }
        if (hostnamed.isEmpty()) return List.copyOf(routeHostnames);
        for (String h : routeHostnames) {
            for (GatewayListener l : hostnamed) {
                String i = intersection(l.hostname(), h);
                if (i != null) out.add(i);
            }
        }
        return new ArrayList<>(out);
    }
}
