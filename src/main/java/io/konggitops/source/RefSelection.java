package io.konggitops.source;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to fetch for {@code --ref}, decided from the refs the remote advertises (like {@code git ls-remote}):
 * nothing given = the remote's HEAD (default branch); a full ref name; a branch; a tag; a commit SHA (full, or
 * abbreviated to at least 4 hex digits). Branches and tags win over a SHA-looking name, as in git.
 *
 * @param refName the remote ref to fetch shallowly, or null when fetching by commit
 * @param commit  the full commit SHA to fetch, or null
 * @param prefix  an abbreviated SHA no advertised ref points at (needs a full fetch to resolve), or null
 */
record RefSelection(String refName, String commit, String prefix) {
    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{4,40}");

    static RefSelection ofRef(String name) {
        return new RefSelection(name, null, null);
    }

    /** @throws SourceException when the ref is unknown or the remote has no commits */
    static RefSelection resolve(String ref, Map<String, Ref> advertised, String display) {
        String r = ref == null ? "" : ref.trim();
        if (r.isEmpty()) {
            if (!advertised.containsKey(Constants.HEAD)) {
                throw new SourceException("Git repository " + display + " has no default branch (is it empty?); "
                        + "give --ref");
            }
            return ofRef(Constants.HEAD);
        }
        for (String candidate : new String[] {r, Constants.R_HEADS + r, Constants.R_TAGS + r}) {
            if (candidate.startsWith(Constants.R_REFS) && advertised.containsKey(candidate)) {
                return ofRef(candidate);
            }
        }
        if (SHA.matcher(r).matches()) {
            String sha = r.toLowerCase(Locale.ROOT);
            if (sha.length() == Constants.OBJECT_ID_STRING_LENGTH) {
                return new RefSelection(null, sha, null);
            }
            Optional<String> tip = advertised.values().stream()
                    .map(RefSelection::commitOf)
                    .filter(id -> id != null && id.name().startsWith(sha))
                    .map(ObjectId::name)
                    .distinct()
                    .reduce((a, b) -> {
                        throw new SourceException("--ref " + r + " is ambiguous in " + display
                                + ": give more digits of the commit SHA");
                    });
            return tip.map(full -> new RefSelection(null, full, null)).orElseGet(() -> new RefSelection(null, null, sha));
        }
        throw new SourceException("--ref " + r + " not found in " + display
                + ": it is not a branch, tag or commit SHA there");
    }

    private static ObjectId commitOf(Ref ref) {
        return ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
    }
}
