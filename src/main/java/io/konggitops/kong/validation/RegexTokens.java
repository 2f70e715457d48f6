package io.konggitops.kong.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A light tokenizer shared by the PCRE and Rust-regex checks: it finds escapes, group openings, counted repetitions and
 * character classes (with the PCRE/Rust rule that a {@code ]} right after {@code [} or {@code [^} is a literal), so
 * each dialect can reject the constructs it lacks before the pattern is parsed by {@code java.util.regex}.
 */
final class RegexTokens {
    enum Kind {
        /** {@code \x}, {@code \x{..}}, {@code \p{..}}, {@code \k<..>}: text is the whole escape. */
        ESCAPE,
        /** {@code (} with its header: {@code (}, {@code (?:}, {@code (?<=}, {@code (?P<name>}, {@code (?i)}... */
        GROUP,
        /** {@code (*VERB)}. */
        VERB,
        /** {@code {n}}, {@code {n,}}, {@code {n,m}} outside a class, or a lone {@code {} that starts none of them. */
        BRACE,
        CLASS_OPEN, CLASS_CLOSE, OTHER
    }

    record Token(Kind kind, String text, int start, boolean inClass) {
    }

    private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d+(,\\d*)?}");

    private RegexTokens() {
    }

    static List<Token> scan(String re) {
        List<Token> out = new ArrayList<>();
        int depth = 0;
        int i = 0;
        int n = re.length();
        while (i < n) {
            char c = re.charAt(i);
            boolean inClass = depth > 0;
            if (c == '\\' && i + 1 < n) {
                int end = escapeEnd(re, i);
                out.add(new Token(Kind.ESCAPE, re.substring(i, end), i, inClass));
                i = end;
            } else if (inClass) {
                if (c == '[' && i + 1 < n && re.charAt(i + 1) == ':') {
                    int close = re.indexOf(":]", i + 2);
                    int end = close < 0 ? i + 1 : close + 2;
                    out.add(new Token(Kind.OTHER, re.substring(i, end), i, true));
                    i = end;
                } else if (c == '[') {
                    depth++;
                    i = classOpen(re, i, out, true);
                } else if (c == ']') {
                    depth--;
                    out.add(new Token(Kind.CLASS_CLOSE, "]", i, true));
                    i++;
                } else {
                    out.add(new Token(Kind.OTHER, String.valueOf(c), i, true));
                    i++;
                }
            } else if (c == '[') {
                depth++;
                i = classOpen(re, i, out, false);
            } else if (c == '(' && i + 1 < n && re.charAt(i + 1) == '*') {
                int close = re.indexOf(')', i);
                int end = close < 0 ? n : close + 1;
                out.add(new Token(Kind.VERB, re.substring(i, end), i, false));
                i = end;
            } else if (c == '(') {
                int end = groupHeaderEnd(re, i);
                out.add(new Token(Kind.GROUP, re.substring(i, end), i, false));
                i = end;
            } else if (c == '{') {
                Matcher q = QUANTIFIER.matcher(re).region(i, n);
                int end = q.lookingAt() ? q.end() : i + 1;
                out.add(new Token(Kind.BRACE, re.substring(i, end), i, false));
                i = end;
            } else {
                out.add(new Token(Kind.OTHER, String.valueOf(c), i, false));
                i++;
            }
        }
        return out;
    }

    /** {@code [}, {@code [^}, and a {@code ]} right after them, as one token. */
    private static int classOpen(String re, int i, List<Token> out, boolean nested) {
        int j = i + 1;
        if (j < re.length() && re.charAt(j) == '^') j++;
        if (j < re.length() && re.charAt(j) == ']') j++;
        out.add(new Token(Kind.CLASS_OPEN, re.substring(i, j), i, nested));
        return j;
    }

    private static int escapeEnd(String re, int i) {
        char e = re.charAt(i + 1);
        int j = i + 2;
        if ("xopPNgk".indexOf(e) >= 0 && j < re.length()) {
            char open = re.charAt(j);
            char close = switch (open) {
                case '{' -> '}';
                case '<' -> '>';
                case '\'' -> '\'';
                default -> 0;
            };
            if (close != 0) {
                int c = re.indexOf(close, j + 1);
                return c < 0 ? re.length() : c + 1;
            }
            if (e == 'x') {
                while (j < re.length() && j < i + 4 && Character.digit(re.charAt(j), 16) >= 0) j++;
            } else if (e == 'p' || e == 'P') {
                j++;
            }
        }
        return Math.min(j, re.length());
    }

    /** The group's header: {@code (?} plus flags/names up to {@code :} {@code )} {@code >} or the assertion sign. */
    private static int groupHeaderEnd(String re, int i) {
        int n = re.length();
        if (i + 1 >= n || re.charAt(i + 1) != '?') return i + 1;
        int j = i + 2;
        if (j >= n) return n;
        char c = re.charAt(j);
        if (c == '=' || c == '!' || c == '>' || c == '|' || c == ':') return j + 1;
        if (c == '<' && j + 1 < n && (re.charAt(j + 1) == '=' || re.charAt(j + 1) == '!')) return j + 2;
        if (c == '<' || c == '\'' || (c == 'P' && j + 1 < n && re.charAt(j + 1) == '<')) {
            int close = re.indexOf(c == '\'' ? '\'' : '>', c == '\'' ? j + 1 : j);
            return close < 0 ? n : close + 1;
        }
        while (j < n && re.charAt(j) != ':' && re.charAt(j) != ')') j++;
        return Math.min(j + 1, n);
    }
}
