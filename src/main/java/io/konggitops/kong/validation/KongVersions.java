package io.konggitops.kong.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compares a Kong version string ({@code 3.9.1}, {@code 3.4.3.12-enterprise}) with a major.minor. */
final class KongVersions {
    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");

    private KongVersions() {
    }

    /** True when {@code version} is at least major.minor; an unreadable version counts as recent. */
    static boolean atLeast(String version, int major, int minor) {
        Matcher m = MAJOR_MINOR.matcher(version == null ? "" : version.trim());
        if (!m.find()) return true;
        int ma = Integer.parseInt(m.group(1));
        int mi = Integer.parseInt(m.group(2));
        return ma > major || (ma == major && mi >= minor);
    }
}
