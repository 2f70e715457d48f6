package io.konggitops.testing.kong;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host, SNI, upstream-name and target validation as Kong does it: {@code kong/tools/ip.lua} ({@code hostname_type},
 * {@code normalize_ipv4/ipv6}, {@code check_hostname}, {@code normalize_ip}) and the validators built on it in
 * {@code kong/db/schema/typedefs.lua}, {@code entities/upstreams.lua} and {@code entities/targets.lua}.
 * Every method returns Kong's error message, or null when the value is valid.
 */
final class HostRules {
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?::(\\d+))?$");
    private static final Pattern HOSTNAME = Pattern.compile("^[0-9A-Za-z\\-._]+$");
    private static final Pattern PORT_SUFFIX = Pattern.compile(":(\\d+)$");
    private static final Pattern HEX = Pattern.compile("^[0-9A-Fa-f]{1,4}$");

    private HostRules() {
    }

    /** The outcome of {@code normalize_ip}: a type ({@code ipv4}, {@code ipv6}, {@code name}) and a port, or an error. */
    record Ip(String type, Integer port, String error) {
    }

    /** {@code ip.lua hostname_type}: more than one colon is IPv6; digits and dots only is IPv4; else a name. */
    static String hostnameType(String name) {
        long colons = name.chars().filter(c -> c == ':').count();
        if (colons > 1) return "ipv6";
        return name.replace(":", "").matches("^[\\d.]+$") ? "ipv4" : "name";
    }

    static Ip normalizeIp(String address) {
        return switch (hostnameType(address)) {
            case "ipv4" -> ipv4(address);
            case "ipv6" -> ipv6(address);
            default -> hostname(address);
        };
    }

    private static Ip ipv4(String address) {
        Matcher m = IPV4.matcher(address);
        if (!m.matches()) return new Ip(null, null, "invalid ipv4 address: " + address);
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) return new Ip(null, null, "invalid ipv4 address: " + address);
        }
        return withPort("ipv4", m.group(5));
    }

    private static Ip ipv6(String address) {
        String check = address;
        String port = null;
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0) return new Ip(null, null, "invalid ipv6 address: " + address);
            check = address.substring(1, close);
            String rest = address.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.matches("^:\\d*$")) return new Ip(null, null, "invalid ipv6 address");
                port = rest.substring(1);
            }
        }
        if (check.startsWith(":")) check = "0" + check;
        if (check.endsWith(":")) check = check + "0";
        if (check.contains("::")) {
            long count = check.chars().filter(c -> c == ':').count();
            check = check.replaceFirst("::", ":" + "0:".repeat((int) Math.max(0, 8 - count)));
        }
        String[] groups = check.split(":", -1);
        boolean ok = groups.length == 8;
        for (String g : groups) ok &= HEX.matcher(g).matches();
        if (!ok) return new Ip(null, null, "invalid ipv6 address: " + address);
        return withPort("ipv6", port);
    }

    private static Ip hostname(String address) {
        String name = address;
        Matcher p = PORT_SUFFIX.matcher(address);
        String port = null;
        if (p.find()) {
            port = p.group(1);
            name = address.substring(0, address.length() - port.length() - 1);
        }
        if (!HOSTNAME.matcher(name).matches()) return new Ip(null, null, "invalid hostname: " + address);
        String[] labels = name.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            String l = labels[i];
            if (l.endsWith("-") || (l.isEmpty() && i != labels.length - 1)) {
                return new Ip(null, null, "invalid hostname: " + address);
            }
        }
        return withPort("name", port);
    }

    private static Ip withPort(String type, String port) {
        if (port == null || port.isEmpty()) return new Ip(type, null, null);
        long n = port.length() > 6 ? Long.MAX_VALUE : Long.parseLong(port);
        if (n > 65535) return new Ip(null, null, "invalid port number");
        return new Ip(type, (int) n, null);
    }

    /** {@code typedefs.host} ({@code validate_host}): a name or IP without port. */
    static String host(String host) {
        Ip ip = normalizeIp(host);
        if (ip.error() != null && !ip.error().equals("invalid port number")) return "invalid value: " + host;
        if (ip.error() != null || ip.port() != null) return "must not have a port";
        return null;
    }

    /** {@code typedefs.host_with_optional_port}: the error of {@code normalize_ip}, if any. */
    static String hostWithOptionalPort(String host) {
        return normalizeIp(host).error();
    }

    /** {@code typedefs.wildcard_host} ({@code validate_wildcard_host}): SNIs of routes and certificates. */
    static String wildcardHost(String host) {
        int idx = host.indexOf('*');
        if (idx >= 0) {
            if (idx != 0 && idx != host.length() - 1) return "wildcard must be leftmost or rightmost character";
            if (host.indexOf('*', idx + 1) >= 0) return "only one wildcard must be specified";
            host = host.replace("*", "wildcard");
        }
        return sni(host);
    }

    /** {@code typedefs.sni} ({@code validate_sni}): a name, not an IP, without port. */
    static String sni(String host) {
        Ip ip = normalizeIp(host);
        if (ip.error() != null && !ip.error().equals("invalid port number")) return "invalid value: " + host;
        if (ip.error() == null && !ip.type().equals("name")) return "must not be an IP";
        if (ip.error() != null || ip.port() != null) return "must not have a port";
        return null;
    }

    /** {@code typedefs.hosts} elements: at most one wildcard, leftmost or rightmost label, then a host with port. */
    static String routeHost(String host) {
        if (!host.matches("^[^*]*\\*?[^*]*$")) return "invalid wildcard: must have at most one wildcard";
        if (!(host.startsWith("*.") || host.endsWith(".*") || !host.contains("*"))) {
            return "invalid wildcard: must be placed at leftmost or rightmost label";
        }
        return hostWithOptionalPort(host.replace("*", "abc"));
    }

    /** {@code entities/upstreams.lua validate_name}: a hostname, no IP address, no port. */
    static String upstreamName(String name) {
        Ip ip = normalizeIp(name);
        String prefix = "Invalid name ('" + name + "')";
        if (ip.error() != null) return prefix + "; must be a valid hostname";
        if (!ip.type().equals("name")) return prefix + "; no ip addresses allowed";
        if (ip.port() != null) return prefix + "; no port allowed";
        return null;
    }

    /**
     * A target must be a hostname or IP with optional port. Through the Admin API the DAO's {@code format_target}
     * ({@code kong/db/dao/targets.lua}) rejects it before the schema's {@code validate_target} runs, with this text.
     */
    static String target(String target) {
        return normalizeIp(target).error() == null ? null : "Invalid target; not a valid hostname or ip address";
    }
}
