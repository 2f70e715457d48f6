package io.konggitops.kong.validation;

import java.util.List;
import java.util.regex.Pattern;

/** The shared field types of Kong's {@code kong/db/schema/typedefs.lua} that the entities below use. */
final class Typedefs {
    static final List<String> PROTOCOLS = List.of("grpc", "grpcs", "http", "https", "tcp", "tls", "tls_passthrough",
            "udp", "ws", "wss");

    private static final Pattern HEADER_NAME = Pattern.compile("^[a-zA-Z0-9\\-_]+$");
    private static final Pattern HTTP_METHOD = Pattern.compile("^[A-Z]+$");
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    /** {@code typedefs.utf8_name} ({@code validate_utf8_name}). */
    static final Typedef UTF8_NAME_T = Typedef.string(s -> isUtf8Name(s) ? null
            : "invalid value '" + s + "': the only accepted ascii characters are alphanumerics or ., -, _, and ~");

    /** {@code typedefs.tag} ({@code validate_tag}): printable ASCII but {@code ,} and {@code /}, or UTF-8. */
    static final Typedef TAG_T = Typedef.string(s -> isTag(s) ? null
            : "invalid tag '" + s + "': expected printable ascii (except `,` and `/`) or valid utf-8 sequences");

    /** {@code typedefs.host} ({@code validate_host}). */
    static final Typedef HOST = Typedef.string(HostNames::host);

    /** {@code typedefs.host_with_optional_port}. */
    static final Typedef HOST_WITH_OPTIONAL_PORT = Typedef.string(HostNames::hostWithOptionalPort);

    /** {@code typedefs.sni} ({@code validate_sni}). */
    static final Typedef SNI = Typedef.string(HostNames::sni);

    /** {@code typedefs.wildcard_host} ({@code validate_wildcard_host}). */
    static final Typedef WILDCARD_HOST = Typedef.string(HostNames::wildcardHost);

    /** {@code typedefs.port}. */
    static final Typedef PORT = Typedef.between(0, 65535);

    /** {@code typedefs.path}: starts with /, no empty segment, RFC 3986 characters, proper percent-encoding. */
    static final Typedef PATH = Typedef.string(s -> {
        if (!s.startsWith("/")) return "should start with: /";
        if (s.contains("//")) return "must not have empty segments";
        UriPaths.PathError e = UriPaths.validatePath(s);
        return e == null ? null : e.message();
    });

    /** {@code typedefs.header_name} ({@code kong.tools.http.validate_header_name}). */
    static final Typedef HEADER_NAME_T = Typedef.string(s -> s.isEmpty() ? "no header name provided"
            : HEADER_NAME.matcher(s).matches() ? null
            : "bad header name '" + s + "', allowed characters are A-Z, a-z, 0-9, '_', and '-'");

    /** {@code typedefs.http_method}: {@code ^%u+$}. */
    static final Typedef HTTP_METHOD_T = Typedef.string(s -> HTTP_METHOD.matcher(s).matches() ? null
            : "invalid value: " + s);

    /** {@code typedefs.protocol}: one of {@code constants.PROTOCOLS} (ws/wss exist in Kong Enterprise only). */
    static final Typedef PROTOCOL = Typedef.oneOf(PROTOCOLS);

    /** A field with {@code uuid = true}. */
    static final Typedef UUID_T = Typedef.string(s -> UUID.matcher(s).matches() ? null : "expected a valid UUID");

    static final String NAME_HINT = "use only letters, digits, '.', '-', '_' and '~' (and non-ASCII letters)";
    static final String TAG_HINT = "remove ',' and '/' (and control characters) from the tag; a tag list is comma "
            + "separated, so split it instead";

    private Typedefs() {
    }

    /**
     * {@code ^[A-Za-z0-9.\-_~\x{80}-\x{10FFFF}]+$}, as a loop over code points (every entity name is checked; a
     * regex match allocates a matcher each time).
     */
    static boolean isUtf8Name(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            boolean ok = c >= 0x80 || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '.' || c == '-' || c == '_' || c == '~';
            if (!ok) return false;
            i += Character.charCount(c);
        }
        return true;
    }

    /** {@code ^[ \x21-\x2B\x2D\x2E\x30-\x7E\x{80}-\x{10FFFF}]+$} (printable ASCII but , and /, or non-ASCII). */
    static boolean isTag(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            boolean ok = c >= 0x80 || c >= 0x20 && c <= 0x7E && c != ',' && c != '/';
            if (!ok) return false;
            i += Character.charCount(c);
        }
        return true;
    }

    /** The common {@code tags} field. */
    static void tags(Checks c) {
        c.each("tags", TAG_T, TAG_HINT);
    }
}
