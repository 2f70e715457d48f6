package io.konggitops.kong.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host and IP parsing as Kong's {@code kong/tools/ip.lua} does it ({@code hostname_type}, {@code normalize_ipv4},
 * {@code normalize_ipv6}, {@code check_hostname}, {@code normalize_ip}): the basis of every host-like typedef.
 */
final class HostNames {
    /** What {@code normalize_ip} returns: a parsed address, or the error string. */
    record Parsed(String type, Integer port, String error) {
        boolean ok() {
            return error == null;
        }
    }

    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?::(\\d+))?$");
    private static final Pattern IPV6_BRACKETS = Pattern.compile("^\\[([^\\]]*)](.*)$", Pattern.DOTALL);
    private static final Pattern IPV6 = Pattern.compile("^(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}$");
    private static final Pattern NAME = Pattern.compile("^[0-9A-Za-z\\-._]+$");
    private static final Pattern TRAILING_PORT = Pattern.compile(":(\\d+)$");

    private HostNames() {
    }

    /** {@code hostname_type}: more than one colon is IPv6, digits and dots IPv4, anything else a name. */
    static String type(String name) {
        String remainder = name.replace(":", "");
        if (name.length() - remainder.length() > 1) return "ipv6";
        if (remainder.matches("^[\\d.]+$")) return "ipv4";
        return "name";
    }

    static Parsed normalize(String address) {
        String type = type(address);
        return switch (type) {
            case "ipv4" -> ipv4(address);
            case "ipv6" -> ipv6(address);
            default -> hostname(address);
        };
    }

    private static Parsed ipv4(String address) {
        Matcher m = IPV4.matcher(address);
        boolean hasColon = address.contains(":");
        if (!m.matches() || hasColon != (m.group(5) != null)) {
            return new Parsed("ipv4", null, "invalid ipv4 address: " + address);
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) return new Parsed("ipv4", null, "invalid ipv4 address: " + address);
        }
        return withPort("ipv4", m.group(5));
    }

    private static Parsed ipv6(String address) {
        String check = address;
        String port = null;
        Matcher b = IPV6_BRACKETS.matcher(address);
        if (b.matches()) {
            check = b.group(1);
            String rest = b.group(2);
            if (!rest.isEmpty()) {
                if (!rest.matches("^:\\d*$")) return new Parsed("ipv6", null, "invalid ipv6 address");
                port = rest.substring(1);
            }
        }
        if (check.startsWith(":")) check = "0" + check;
        if (check.endsWith(":")) check = check + "0";
        int dbl = check.indexOf("::");
        if (dbl >= 0) {
            int colons = check.length() - check.replace(":", "").length();
            check = check.substring(0, dbl) + ":" + "0:".repeat(Math.max(0, 8 - colons)) + check.substring(dbl + 2);
        }
        if (!IPV6.matcher(check).matches()) return new Parsed("ipv6", null, "invalid ipv6 address: " + address);
        if (port != null && port.isEmpty()) return new Parsed("ipv6", null, "invalid ipv6 address");
        return withPort("ipv6", port);
    }

    private static Parsed hostname(String address) {
        String name = address;
        Matcher p = TRAILING_PORT.matcher(address);
        String port = null;
        if (p.find()) {
            port = p.group(1);
            name = address.substring(0, address.length() - port.length() - 1);
            if (tooBig(port)) return new Parsed("name", null, "invalid port number");
        }
        if (!NAME.matcher(name).matches()) return new Parsed("name", null, "invalid hostname: " + address);
        String[] segments = name.split("\\.", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.endsWith("-") || (s.isEmpty() && i != segments.length - 1)) {
                return new Parsed("name", null, "invalid hostname: " + address);
            }
        }
        return port == null ? new Parsed("name", null, null) : new Parsed("name", Integer.parseInt(port), null);
    }

    private static Parsed withPort(String type, String port) {
        if (port == null) return new Parsed(type, null, null);
        if (tooBig(port)) return new Parsed(type, null, "invalid port number");
        return new Parsed(type, Integer.parseInt(port), null);
    }

    private static boolean tooBig(String digits) {
        return digits.length() > 5 || Integer.parseInt(digits) > 65535;
    }

    // ---- the typedef validators built on it (typedefs.lua) ----

    /** {@code validate_host}: a name or IP without port. */
    static String host(String host) {
        Parsed p = normalize(host);
        if (!p.ok() && !p.error().equals("invalid port number")) return "invalid value: " + host;
        if (!p.ok() || p.port() != null) return "must not have a port";
        return null;
    }

    /** {@code validate_host_with_optional_port}. */
    static String hostWithOptionalPort(String host) {
        Parsed p = normalize(host);
        return p.ok() ? null : p.error();
    }

    /** {@code validate_sni}: a name (not an IP) without port. */
    static String sni(String host) {
        Parsed p = normalize(host);
        if (!p.ok() && !p.error().equals("invalid port number")) return "invalid value: " + host;
        if (p.ok() && !p.type().equals("name")) return "must not be an IP";
        if (!p.ok() || p.port() != null) return "must not have a port";
        return null;
    }

    /** {@code validate_wildcard_host}: like an SNI, with one wildcard as the leftmost or rightmost character. */
    static String wildcardHost(String host) {
        int idx = host.indexOf('*');
        if (idx >= 0) {
            if (idx != 0 && idx != host.length() - 1) return "wildcard must be leftmost or rightmost character";
            if (host.indexOf('*', idx + 1) >= 0) return "only one wildcard must be specified";
            host = host.replace("*", "wildcard");
        }
        return sni(host);
    }
}
