package io.konggitops.kong.kinds;

import io.konggitops.kong.KongEntity;

import java.util.List;
import java.util.Map;

/** What certificate kinds share: identified by their PEM, which Kong stores trimmed. */
final class Pems {
    private Pems() {
    }

    static List<String> naturalKeys(KongEntity e) {
        return EntitySpec.key("pem", e.string("cert") == null ? null : e.string("cert").trim());
    }

    static void trim(Map<String, Object> m, String... fields) {
        for (String f : fields) {
            if (m.get(f) instanceof String s) m.put(f, s.trim());
        }
    }
}
