package io.konggitops.diff;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells where a planned change came from, from three hashes in the comparable form ({@link AppliedTag}): the one
 * recorded on the live entity when the job last wrote it (R), the one of the desired entity now (D), and the one of
 * the live entity now (L).
 *
 * <table>
 *   <caption>Truth table</caption>
 *   <tr><th>change</th><th>condition</th><th>cause</th></tr>
 *   <tr><td>any</td><td>no applied tag on the live entity</td><td>unknown</td></tr>
 *   <tr><td>update</td><td>D = R (Git wants what was applied, so Kong moved)</td><td>kong</td></tr>
 *   <tr><td>update</td><td>D ≠ R, L = R (Kong holds what was applied)</td><td>git</td></tr>
 *   <tr><td>update</td><td>D ≠ R, L ≠ R</td><td>both</td></tr>
 *   <tr><td>delete</td><td>L = R (Git dropped it, Kong holds what was applied)</td><td>git</td></tr>
 *   <tr><td>delete</td><td>L ≠ R (Git dropped it, and it was edited in Kong)</td><td>both</td></tr>
 *   <tr><td>create</td><td>nothing in Kong: Kong keeps no record of an entity it no longer has</td><td>git</td></tr>
 *   <tr><td>create</td><td>replacing a live entity with the same name (another id)</td><td>as update, from that
 *       entity's tag</td></tr>
 * </table>
 * A create is therefore {@code git} even when someone deleted the entity in Kong by hand; {@code diff --base-ref}
 * with a Kong tells those apart (the deletion is drift against the base, not part of the PR). L is taken after
 * dropping live-only values at paths the diff tolerates (no schema to tell a server default from a change), so what
 * the diff does not call drift does not make an entity {@code kong} either. A Kong upgrade that changes a default
 * changes every hash and shows as {@code git}/{@code both} until the next apply.
 */
final class Attribution {
    private Attribution() {
    }

    /** The cause of an update (or of a create that replaces {@code live}). */
    static Cause update(String desiredHash, Optional<String> recorded, Map<String, Object> live,
                        Map<String, Object> desired, Set<String> tolerant) {
        if (recorded.isEmpty()) return Cause.UNKNOWN;
        if (recorded.get().equals(desiredHash)) return Cause.KONG;
        return liveMoved(recorded.get(), live, desired, tolerant) ? Cause.BOTH : Cause.GIT;
    }

    /** The cause of a delete: Git no longer wants the entity. */
    static Cause delete(Optional<String> recorded, Map<String, Object> live, Set<String> tolerant) {
        if (recorded.isEmpty()) return Cause.UNKNOWN;
        // nothing desired to tell tolerated server values from edits: the live entity is hashed whole
        return liveMoved(recorded.get(), live, live, tolerant) ? Cause.BOTH : Cause.GIT;
    }

    private static boolean liveMoved(String recorded, Map<String, Object> live, Map<String, Object> desired,
                                     Set<String> tolerant) {
        return !AppliedTag.hash(prune(live, desired, tolerant, "")).equals(recorded);
    }

    /** The live fields without the values only the live side has at tolerated paths. */
    private static Map<String, Object> prune(Map<String, Object> live, Map<?, ?> desired, Set<String> tolerant,
                                             String prefix) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : live.entrySet()) {
            String path = prefix + e.getKey();
            Object want = desired.get(e.getKey());
            if (want == null && tolerated(path, tolerant)) continue;
            if (e.getValue() instanceof Map<?, ?> sub && want instanceof Map<?, ?> w) {
                out.put(e.getKey(), prune(cast(sub), w, tolerant, path + "."));
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static boolean tolerated(String path, Set<String> tolerant) {
        for (String t : tolerant) {
            if (t.isEmpty() || path.equals(t) || path.startsWith(t + ".")) return true;
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
