package io.konggitops.kong.validation;

/**
 * Would the Rust {@code regex} crate accept this pattern? Under {@code router_flavor} {@code traditional_compatible}
 * and {@code expressions}, {@code validate_route} ({@code entities/routes.lua}) compiles every route into an ATC
 * expression ({@code kong/router/transform.lua}: {@code ~/re} becomes {@code http.path ~ "^re"} with {@code ?<} turned
 * into {@code ?P<}; a header value {@code ~*re} becomes a lower-cased regex) and the atc-router parses each regex with
 * {@code regex::Regex::new}. That crate has no look-around, back-references, atomic groups, recursion, conditionals,
 * backtracking verbs, and only the escapes {@code \a \f \t \n \r \v \x &#92;u &#92;U \p \P \d \D \s \S \w \W \A \z \b \B};
 * before regex 1.8 (Kong before 3.4) only meta characters could be escaped. Those are rejected here with the crate's
 * wording; the rest of the syntax is checked by {@code java.util.regex}.
 */
final class AtcRegex {
    private static final String ESCAPE_LETTERS = "afnrtvxuUpPdDsSwW";
    private static final String ESCAPE_ASSERTIONS = "AzbB";
    private static final String OLD_META = "\\.+*?()|[]{}^$#&-~";
    private static final String FLAGS = "imsUuxR-";

    private AtcRegex() {
    }

    /**
     * The crate's complaint, or null.
     *
     * @param anyPunctuationEscape regex crate 1.8+ (Kong 3.4+): any ASCII punctuation may be escaped
     */
    static String error(String re, boolean anyPunctuationEscape) {
        for (RegexTokens.Token t : RegexTokens.scan(re)) {
            String text = t.text();
            switch (t.kind()) {
                case ESCAPE -> {
                    String why = escape(text.charAt(1), t.inClass(), anyPunctuationEscape);
                    if (why != null) return why + " (" + text + ")";
                }
                case GROUP -> {
                    String why = group(text);
                    if (why != null) return why + " (" + text + ")";
                }
                case VERB -> {
                    return "repetition operator missing expression (" + text + ")";
                }
                case BRACE -> {
                    if (text.equals("{")) return "repetition quantifier expects a valid decimal";
                }
                default -> {
                }
            }
        }
        JavaRegex.Result r = JavaRegex.parse(re, false);
        return r.known() ? r.error() : null;
    }

    private static String escape(char e, boolean inClass, boolean anyPunctuationEscape) {
        if (e >= '0' && e <= '9') return "backreferences are not supported";
        if (e == 'k' || e == 'g') return "backreferences are not supported";
        if (Character.isLetter(e) && e < 128) {
            if (ESCAPE_LETTERS.indexOf(e) >= 0) return null;
            if (!inClass && ESCAPE_ASSERTIONS.indexOf(e) >= 0) return null;
            return "unrecognized escape sequence";
        }
        if (e >= 128) return "unrecognized escape sequence";
        if (!anyPunctuationEscape && OLD_META.indexOf(e) < 0) return "unrecognized escape sequence";
        return null;
    }

    private static String group(String header) {
        if (!header.startsWith("(?")) return null;
        if (header.length() < 3) return "unclosed group";
        if (header.equals("(?=") || header.equals("(?!") || header.equals("(?<=") || header.equals("(?<!")) {
            return "look-around, including look-ahead and look-behind, is not supported";
        }
        if (header.startsWith("(?P=")) return "backreferences are not supported";
        if (JavaRegex.groupName(header) != null) {
            if (header.startsWith("(?'")) return "unrecognized flag";
            String name = JavaRegex.groupName(header);
            return name.matches("[_A-Za-z][_A-Za-z0-9.\\[\\]]*") ? null : "invalid capture group character";
        }
        if (header.equals("(?:")) return null;
        String flags = header.substring(2, header.length() - 1);
        for (char c : flags.toCharArray()) {
            if (FLAGS.indexOf(c) < 0) return "unrecognized flag";
        }
        char last = header.charAt(header.length() - 1);
        return last == ':' || last == ')' ? null : "unrecognized flag";
    }
}
