package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A record's {@code shorthand_fields} as {@code kong/db/schema/init.lua} handles them: on write
 * ({@code process_auto_fields}) a deprecated name's value moves to its {@code deprecation.replaced_with} path, the
 * new field winning when both are set, and both set to different values is an error
 * ({@code validate_deprecation_exclusiveness}); on read (a select without {@code hide_shorthands}) the deprecated
 * name comes back with the value of its path.
 */
final class Shorthands {
    private Shorthands() {
    }

    static ObjectNode expand(Field record, ObjectNode input, ObjectNode errors) {
        ObjectNode in = input.deepCopy();
        for (Field.Shorthand s : record.shorthands) {
            JsonNode value = in.remove(s.name());
            if (value == null || value.isNull()) continue;
            JsonNode current = at(in, s.path());
            if (current != null && !current.isNull() && !current.equals(value)) {
                errors.put(s.name(), "both deprecated and new field are used but their values mismatch: " + s.name()
                        + " = " + value.asText() + " vs " + String.join(".", s.path()) + " = " + current.asText());
                continue;
            }
            ObjectNode parent = in;
            for (String step : s.path().subList(0, s.path().size() - 1)) {
                JsonNode child = parent.get(step);
                parent = child instanceof ObjectNode o ? o : parent.putObject(step);
            }
            parent.set(s.path().get(s.path().size() - 1), value);
        }
        return in;
    }

    static void readBack(Field record, ObjectNode completed) {
        for (Field.Shorthand s : record.shorthands) {
            JsonNode v = at(completed, s.path());
            completed.set(s.name(), v == null ? NullNode.instance : v.deepCopy());
        }
    }

    private static JsonNode at(ObjectNode o, List<String> path) {
        JsonNode cur = o;
        for (String step : path) {
            if (cur == null || !cur.isObject()) return null;
            cur = cur.get(step);
        }
        return cur;
    }
}
