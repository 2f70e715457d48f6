package io.konggitops.translate.gateway.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Go's {@code path.Join} and {@code path.Clean}, which KIC uses to build redirect locations. */
final class GoPaths {
    private GoPaths() {
    }

    /** The non-empty elements joined with {@code /}, then cleaned; {@code ""} when all are empty. */
    static String join(String... elements) {
        List<String> parts = new ArrayList<>();
        for (String e : elements) {
            if (e != null && !e.isEmpty()) parts.add(e);
        }
        return parts.isEmpty() ? "" : clean(String.join("/", parts));
    }

    /** Lexical cleaning: no repeated slashes, no {@code .}, {@code ..} resolved, no trailing slash but for root. */
    static String clean(String path) {
        if (path.isEmpty()) return ".";
        boolean rooted = path.startsWith("/");
        Deque<String> out = new ArrayDeque<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (seg.equals("..")) {
                if (!out.isEmpty() && !out.peekLast().equals("..")) out.removeLast();
                else if (!rooted) out.addLast("..");
                continue;
            }
            out.addLast(seg);
        }
        String joined = String.join("/", out);
        if (rooted) return "/" + joined;
        return joined.isEmpty() ? "." : joined;
    }
}
