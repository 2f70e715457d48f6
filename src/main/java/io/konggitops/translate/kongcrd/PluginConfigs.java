package io.konggitops.translate.kongcrd;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.konggitops.cluster.ClusterView;
import io.konggitops.translate.tls.SecretData;

import java.util.Map;
import java.util.Optional;

/**
 * A plugin's {@code config} as KIC's {@code kongstate/plugin.go} computes it: {@code config} (or {@code {}}) with every
 * {@code configPatches} entry applied as a JSON-Patch {@code add} of the Secret value (parsed as JSON; a path of
 * {@code ""} replaces the whole document; missing parents are created as json-patch's
 * {@code EnsurePathExistsOnAdd} does), or the Secret value of
 * {@code configFrom} parsed as JSON, else YAML. {@code config} and {@code configFrom} together are an error. Errors
 * name Secrets and keys, never their values.
 */
final class PluginConfigs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();

    /** The config, or why there is none. */
    record Result(Map<String, Object> config, String error, String hint) {
        static Result ok(Map<String, Object> config) {
            return new Result(config, null, null);
        }

        static Result failed(String error, String hint) {
            return new Result(null, error, hint);
        }

        boolean failed() {
            return error != null;
        }
    }

    private final ClusterView view;

    PluginConfigs(ClusterView view) {
        this.view = view;
    }

    Result resolve(KongPluginCrd p) {
        JsonNode doc = p.config() == null ? JSON.createObjectNode() : p.config().deepCopy();
        for (KongPluginCrd.ConfigPatch patch : p.configPatches()) {
            KongPluginCrd.SecretKeyRef ref = inNamespace(patch.valueFrom(), p);
            Secret secret = view.secret(ref.namespace(), ref.name()).orElse(null);
            Optional<String> raw = secret == null ? Optional.empty() : SecretData.value(secret, ref.key());
            if (raw.isEmpty()) return missing(p, ref, secret == null, "configPatches path \"" + patch.path() + "\"");
            JsonNode value;
            try {
                value = JSON.readTree(raw.get());
            } catch (JsonProcessingException e) {
                value = null;
            }
            if (value == null || value.isMissingNode()) {
                return Result.failed("could not parse " + p.label() + " config: the value of key '" + ref.key()
                        + "' in Secret " + ref.namespace() + "/" + ref.name() + " (configPatches path \""
                        + patch.path() + "\") is not valid JSON", "store a JSON value (a quoted string, a number, "
                        + "an object...) under that key");
            }
            String err = add(doc, patch.path(), value);
            if (err != null) {
                return Result.failed("could not parse " + p.label() + " config: configPatches path \""
                        + patch.path() + "\": " + err, "use a JSON pointer (RFC 6901) into config, e.g. /key_names");
            }
            if (patch.path().isEmpty()) doc = value;
        }
        if (!doc.isObject()) {
            return Result.failed("could not parse " + p.label() + " config: the patched config is not a JSON object",
                    "make config (and any configPatches value at path \"\") a JSON object");
        }
        if (p.configFrom() != null && !doc.isEmpty()) {
            return Result.failed(p.label() + " has both config and configFrom set",
                    "keep only one: config, or configFrom.secretKeyRef");
        }
        if (p.configFrom() != null) return fromSecret(p, inNamespace(p.configFrom(), p));
        return Result.ok(toMap(doc));
    }

    private Result fromSecret(KongPluginCrd p, KongPluginCrd.SecretKeyRef ref) {
        Secret secret = view.secret(ref.namespace(), ref.name()).orElse(null);
        Optional<String> raw = secret == null ? Optional.empty() : SecretData.value(secret, ref.key());
        if (raw.isEmpty()) return missing(p, ref, secret == null, "configFrom");
        JsonNode parsed = parse(JSON, raw.get());
        if (parsed == null || !parsed.isObject()) parsed = parse(YAML, raw.get());
        if (parsed == null || !(parsed.isObject() || parsed.isNull() || parsed.isMissingNode())) {
            return Result.failed("error parsing config for " + p.label() + ": key '" + ref.key() + "' in Secret "
                    + ref.namespace() + "/" + ref.name() + " contains neither valid JSON nor valid YAML",
                    "store the plugin config as a JSON or YAML object under that key");
        }
        return Result.ok(parsed.isObject() ? toMap(parsed) : Map.of());
    }

    private static Result missing(KongPluginCrd p, KongPluginCrd.SecretKeyRef ref, boolean noSecret, String where) {
        String what = noSecret ? "Secret " + ref.namespace() + "/" + ref.name() + " not found"
                : "no key '" + ref.key() + "' in Secret " + ref.namespace() + "/" + ref.name();
        return Result.failed("error fetching plugin configuration for " + p.label() + " (" + where + "): " + what,
                "create the Secret with that key (in the repository in manifests mode), or fix secretKeyRef");
    }

    /** A KongPlugin reads Secrets of its own namespace; a KongClusterPlugin names the namespace. */
    private static KongPluginCrd.SecretKeyRef inNamespace(KongPluginCrd.SecretKeyRef ref, KongPluginCrd p) {
        if (p.cluster()) return ref;
        return new KongPluginCrd.SecretKeyRef(p.source().namespace(), ref.name(), ref.key());
    }

    private static JsonNode parse(ObjectMapper mapper, String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * JSON-Patch {@code add} with missing parent objects created; {@code ""} is handled by the caller (whole
     * document). Returns an error message, or null.
     */
    static String add(JsonNode doc, String path, JsonNode value) {
        if (path.isEmpty()) return null;
        JsonPointer pointer;
        try {
            pointer = JsonPointer.compile(path);
        } catch (IllegalArgumentException e) {
            return "not a JSON pointer (" + e.getMessage() + ")";
        }
        JsonNode parent = doc;
        JsonPointer rest = pointer;
        while (!rest.tail().matches()) {
            String token = rest.getMatchingProperty();
            JsonNode next;
            if (parent instanceof ObjectNode o) {
                next = o.get(token);
                if (next == null || next.isNull()) next = missing(o, token, rest.tail().getMatchingProperty());
            } else if (parent instanceof ArrayNode a && rest.getMatchingIndex() >= 0
                    && rest.getMatchingIndex() < a.size()) {
                next = a.get(rest.getMatchingIndex());
            } else {
                return "cannot descend into \"" + token + "\"";
            }
            parent = next;
            rest = rest.tail();
        }
        String last = rest.getMatchingProperty();
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
            return null;
        }
        if (parent instanceof ArrayNode a) {
            if ("-".equals(last)) {
                a.add(value);
                return null;
            }
            int i = rest.getMatchingIndex();
            if (i < 0 || i > a.size()) return "array index " + last + " is out of range";
            a.insert(i, value);
            return null;
        }
        return "the parent of \"" + last + "\" is not an object or an array";
    }

    /**
     * A missing parent on the way (json-patch's {@code EnsurePathExistsOnAdd}): an array when the next token is an
     * index or {@code -} (padded with nulls up to that index), else an object.
     */
    private static JsonNode missing(ObjectNode parent, String token, String nextToken) {
        if ("-".equals(nextToken)) return parent.putArray(token);
        if (nextToken.matches("\\d+")) {
            ArrayNode a = parent.putArray(token);
            int pad = Integer.parseInt(nextToken);
            for (int i = 0; i < pad; i++) a.addNull();
            return a;
        }
        return parent.putObject(token);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode n) {
        return JSON.convertValue(n, Map.class);
    }
}
