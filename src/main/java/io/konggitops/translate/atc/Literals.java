package io.konggitops.translate.atc;

/** String literals of Kong's expression language, escaped as KIC escapes them ({@code atc/matcher.go}). */
public final class Literals {
    private Literals() {
    }

    /** {@code "..."} with {@code \}, {@code "}, newline, carriage return and tab escaped. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
