package io.konggitops.kong.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kong's URL-path rules: {@code validate_path} of {@code typedefs.lua} (RFC 3986 characters, proper
 * percent-encoding) and {@code normalize} of {@code kong/tools/uri.lua} (percent-decoding of unreserved characters,
 * dot-segment removal, merged slashes), on which a prefix route path must already be a fixed point.
 */
final class UriPaths {
    /** The outcome of {@code validate_path}: an error and its code ({@code rfc3986} or {@code percent}), or none. */
    record PathError(String message, String code) {
    }

    private static final Pattern RFC3986 = Pattern.compile("^/[A-Za-z0-9.\\-_~/%:@!$&'()*+,;=]*$");
    private static final Pattern PERCENT = Pattern.compile("%[0-9A-Fa-f]{2}");
    private static final Pattern PERCENT_ANY_CASE = Pattern.compile("%([0-9A-Fa-f]{2})");
    private static final String RESERVED = "!*'();:@&=+$,/?%#[]";

    private UriPaths() {
    }

    static PathError validatePath(String path) {
        if (!RFC3986.matcher(path).matches()) {
            return new PathError("invalid path: '" + path
                    + "' (characters outside of the reserved list of RFC 3986 found)", "rfc3986");
        }
        String raw = PERCENT.matcher(path).replaceAll("___");
        int pct = raw.indexOf('%');
        if (pct >= 0) {
            String bad = raw.substring(pct, Math.min(raw.length(), pct + 3));
            return new PathError("invalid url-encoded value: '" + bad + "'", "percent");
        }
        return null;
    }

    /** {@code normalize(uri, true)}: byte-wise, like the Lua original. */
    static String normalize(String uri) {
        if (uri.isEmpty() || uri.equals("/")) return uri;
        String s = new String(uri.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        if (s.indexOf('%') >= 0) {
            Matcher m = PERCENT_ANY_CASE.matcher(s);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                int num = Integer.parseInt(m.group(1), 16);
                String rep = RESERVED.indexOf(num) >= 0 && num < 128 ? m.group().toUpperCase(java.util.Locale.ROOT)
                        : String.valueOf((char) num);
                m.appendReplacement(sb, Matcher.quoteReplacement(rep));
            }
            m.appendTail(sb);
            s = sb.toString();
        }
        if (s.indexOf('.') < 0 && !s.contains("//")) return back(s);
        List<String> out = new ArrayList<>();
        while (!s.isEmpty()) {
            if (s.equals("/.")) {
                s = "/";
            } else if (s.equals("/..")) {
                s = "/";
                if (!out.isEmpty()) out.remove(out.size() - 1);
            } else if (s.equals(".") || s.equals("..")) {
                s = "";
            } else if (s.startsWith("../")) {
                s = s.substring(3);
            } else if (s.startsWith("./")) {
                s = s.substring(2);
            } else if (s.startsWith("/./")) {
                s = s.substring(2);
            } else if (s.startsWith("/../")) {
                s = s.substring(3);
                if (!out.isEmpty()) out.remove(out.size() - 1);
            } else if (s.startsWith("//")) {
                s = s.substring(1);
            } else {
                int i = s.indexOf('/', 1);
                if (i >= 0) {
                    out.add(s.substring(0, i));
                    s = s.substring(i);
                } else {
                    out.add(s);
                    s = "";
                }
            }
        }
        return back(String.join("", out));
    }

    private static String back(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
