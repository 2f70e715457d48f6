package io.konggitops.translate.gateway.http;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go {@code time.ParseDuration} for the durations Gateway API timeouts use (GEP-2257: {@code 1h}, {@code 30s},
 * {@code 500ms}, {@code 1m30s}; Go also reads {@code us}, {@code µs}, {@code ns} and fractions), in milliseconds,
 * truncated as Go's {@code Duration.Milliseconds()}.
 */
final class GoDurations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");

    private GoDurations() {
    }

    /** The duration in milliseconds, or empty when it is not a Go duration. */
    static OptionalLong millis(String s) {
        if (s == null || s.isEmpty()) return OptionalLong.empty();
        String v = s;
        boolean negative = false;
        if (v.startsWith("-") || v.startsWith("+")) {
            negative = v.startsWith("-");
            v = v.substring(1);
        }
        if (v.equals("0")) return OptionalLong.of(0);
        Matcher m = PART.matcher(v);
        int at = 0;
        double nanos = 0;
        while (at < v.length()) {
            if (!m.find(at) || m.start() != at) return OptionalLong.empty();
            double n = Double.parseDouble(m.group(1));
            nanos += n * switch (m.group(2)) {
                case "ns" -> 1d;
                case "us", "µs", "μs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            at = m.end();
        }
        if (at == 0) return OptionalLong.empty();
        long ms = (long) (Math.round(nanos) / 1_000_000L);
        return OptionalLong.of(negative ? -ms : ms);
    }
}
