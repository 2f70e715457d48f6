package io.konggitops.source;

import io.konggitops.problem.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses two objects with the same API group, kind, namespace and name (in two files or in one). The API server
 * holds one object per such key, so a second definition is a mistake (a copied file, a forgotten rename); which one
 * {@code kubectl apply} would keep depends on file order. The first (in load order) is kept, each later one is an ERROR
 * naming both {@code file:line}s and is dropped, so no stage ever sees two objects with one identity.
 */
final class DuplicateObjects {
    private DuplicateObjects() {
    }

    static List<ManifestObject> remove(List<ManifestObject> objects, List<Problem> problems) {
        Map<String, ManifestObject> first = new HashMap<>();
        List<ManifestObject> kept = new ArrayList<>(objects.size());
        for (ManifestObject o : objects) {
            String key = KnownKinds.group(o.object().getApiVersion()) + "|" + o.kind() + "|" + o.namespace() + "|"
                    + o.name();
            ManifestObject earlier = first.putIfAbsent(key, o);
            if (earlier == null) {
                kept.add(o);
            } else {
                problems.add(Problem.error(o.ref(), o.origin(), o.ref() + " is defined twice: at " + earlier.origin()
                                + " and here at " + o.origin() + "; this second definition is not used",
                        "keep one definition: delete the copy, or give it another name or namespace"));
            }
        }
        return kept;
    }
}
