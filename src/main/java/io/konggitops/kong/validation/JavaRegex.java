package io.konggitops.kong.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses a PCRE- or Rust-style pattern with {@code java.util.regex}: named groups are renamed to names Java accepts
 * ({@code (?P<my_id>}, {@code (?<my_id>}, {@code (?'my_id'} → {@code (?<g1>}, with their back-references), a lone
 * {@code {} becomes a literal as in PCRE, and constructs Java cannot parse at all make the answer "unknown".
 */
final class JavaRegex {
    /** The answer: {@code known=false} when the pattern uses constructs Java cannot judge. */
    record Result(boolean known, String error) {
        static final Result UNKNOWN = new Result(false, null);
    }

    private static final Set<String> PCRE_ONLY_GROUP_STARTS = Set.of("(?|", "(?R", "(?&", "(?P>", "(?(", "(?#", "(?C",
            "(?+", "(?-1", "(?-2", "(?-3", "(?J", "(?n", "(?X", "(?^");

    private JavaRegex() {
    }

    /**
     * @param literalBrace true for PCRE (a {@code {} that starts no quantifier is a literal); false for Rust, where
     *                     it is an error that Java reports too
     */
    static Result parse(String re, boolean literalBrace) {
        List<RegexTokens.Token> tokens = RegexTokens.scan(re);
        Map<String, String> names = new HashMap<>();
        StringBuilder java = new StringBuilder();
        for (RegexTokens.Token t : tokens) {
            String text = t.text();
            switch (t.kind()) {
                case VERB -> {
                    return Result.UNKNOWN;
                }
                case GROUP -> {
                    String name = groupName(text);
                    if (name != null) {
                        java.append("(?<").append(names.computeIfAbsent(name, k -> "g" + (names.size() + 1)))
                                .append('>');
                    } else if (text.startsWith("(?P=")) {
                        String ref = text.substring(4, text.length() - 1);
                        java.append("\\k<").append(names.getOrDefault(ref, "missing"))
                                .append('>');
                    } else if (PCRE_ONLY_GROUP_STARTS.stream().anyMatch(text::startsWith)
                            || text.matches("^\\(\\?\\d.*")) {
                        return Result.UNKNOWN;
                    } else {
                        java.append(text);
                    }
                }
                case ESCAPE -> {
                    char e = text.charAt(1);
                    if (e == 'K' || e == 'o' || e == 'N' || (e == 'g' && text.length() > 2
                            && (text.charAt(2) == '<' || text.charAt(2) == '\''))) {
                        return Result.UNKNOWN;
                    }
                    if ((e == 'k' || e == 'g') && text.length() > 3) {
                        String ref = text.substring(3, text.length() - 1);
                        if (ref.matches("-?\\d+")) java.append('\\').append(ref.replace("-", ""));
                        else java.append("\\k<").append(names.getOrDefault(ref, "missing")).append('>');
                    } else if (e == 'g') {
                        java.append('\\').append(text.substring(2));
                    } else {
                        java.append(text);
                    }
                }
                case BRACE -> java.append(text.equals("{") && literalBrace ? "\\{" : text);
                default -> java.append(text);
            }
        }
        try {
            Pattern.compile(java.toString());
            return new Result(true, null);
        } catch (PatternSyntaxException e) {
            String d = e.getDescription();
            if (d.contains("character property") || d.contains("Unicode property") || d.contains("script")
                    || d.contains("block")) {
                return Result.UNKNOWN;
            }
            return new Result(true, d);
        }
    }

    /** The name of a named-group header, or null. */
    static String groupName(String header) {
        if (header.startsWith("(?P<") && header.endsWith(">")) return header.substring(4, header.length() - 1);
        if (header.startsWith("(?<") && header.endsWith(">") && !header.startsWith("(?<=")
                && !header.startsWith("(?<!")) {
            return header.substring(3, header.length() - 1);
        }
        if (header.startsWith("(?'") && header.endsWith("'") && header.length() > 4) {
            return header.substring(3, header.length() - 1);
        }
        return null;
    }
}
