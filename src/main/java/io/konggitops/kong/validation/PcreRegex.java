package io.konggitops.kong.validation;

import java.util.List;

/**
 * Would PCRE accept this pattern? Kong's {@code validate_path_with_regexes} ({@code typedefs.lua}) dry-runs every
 * {@code ~} path with {@code ngx.re.find("", re, "aj")}. Approximation: the pattern is parsed by {@code java.util.regex}
 * after {@link JavaRegex}'s PCRE-to-Java rewriting, plus PCRE's own rule that a look-behind must have a bounded length.
 * Constructs only PCRE has (recursion, conditionals, verbs, {@code \K}, branch reset...) are accepted unjudged, so the
 * check can miss an invalid pattern but does not reject one PCRE accepts.
 */
final class PcreRegex {
    private PcreRegex() {
    }

    /** PCRE's complaint in words, or null when the pattern is accepted (or cannot be judged). */
    static String error(String re) {
        String lookbehind = unboundedLookbehind(re);
        if (lookbehind != null) return lookbehind;
        JavaRegex.Result r = JavaRegex.parse(re, true);
        return r.known() ? r.error() : null;
    }

    /** {@code (?<=a+)}: PCRE2 requires a look-behind of bounded length ("lookbehind assertion is not fixed length"). */
    private static String unboundedLookbehind(String re) {
        List<RegexTokens.Token> tokens = RegexTokens.scan(re);
        int depth = 0;
        int lookbehindDepth = -1;
        for (RegexTokens.Token t : tokens) {
            if (t.inClass()) continue;
            switch (t.kind()) {
                case GROUP -> {
                    depth++;
                    if (lookbehindDepth < 0 && (t.text().equals("(?<=") || t.text().equals("(?<!"))) {
                        lookbehindDepth = depth;
                    }
                    if (t.text().endsWith(")")) depth--; // a flag group such as (?i) closes itself
                }
                case BRACE -> {
                    if (lookbehindDepth > 0 && t.text().matches("\\{\\d+,}")) {
                        return "lookbehind assertion is not fixed length";
                    }
                }
                case OTHER -> {
                    String c = t.text();
                    if (c.equals(")")) {
                        if (depth == lookbehindDepth) lookbehindDepth = -1;
                        depth--;
                    } else if (lookbehindDepth > 0 && (c.equals("*") || c.equals("+"))) {
                        return "lookbehind assertion is not fixed length";
                    }
                }
                default -> {
                }
            }
        }
        return null;
    }
}
