package io.konggitops.translate.kongcrd;

import io.fabric8.kubernetes.api.model.Secret;
import io.konggitops.translate.tls.SecretData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One credential Secret read as KIC's {@code FillConsumersAndCredentials} reads it: every key of {@code data} (and,
 * for manifests, {@code stringData}) becomes a field, with KIC's conversions ({@code redirect_uris} split on commas,
 * {@code hash_secret} a bool, {@code ttl} an int); keys go-kong's credential struct does not have are dropped.
 * Never puts a Secret value in a message.
 */
final class CredentialSecrets {
    static final String LABEL = "konghq.com/credential";

    /** The fields, and what went wrong (messages without values); {@code fatal} when the credential is not usable. */
    record Read(Map<String, Object> fields, List<String> problems, List<String> dropped, boolean fatal) {
    }

    private CredentialSecrets() {
    }

    static Read read(Secret secret, CredentialKind kind) {
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        boolean fatal = false;
        for (String key : keys(secret)) {
            String value = SecretData.value(secret, key).orElse(null);
            if (value == null) {
                problems.add("data key \"" + key + "\" is not valid base64");
                fatal = true;
                continue;
            }
            switch (key) {
                case "redirect_uris" -> fields.put(key, List.of(value.split(",", -1)));
                case "hash_secret" -> {
                    Boolean b = parseBool(value);
                    if (b == null) {
                        problems.add("hash_secret is not a bool (true/false), so it is set to false");
                    }
                    fields.put(key, b != null && b);
                }
                case "ttl" -> {
                    try {
                        fields.put(key, Integer.parseInt(value));
                    } catch (NumberFormatException e) {
                        problems.add("ttl is not an integer, so it is left out");
                    }
                }
                default -> fields.put(key, value);
            }
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            if (CredentialKind.NOT_FROM_SECRET.contains(f.getKey())) {
                problems.add("data key \"" + f.getKey() + "\" cannot be set from a Secret");
                fatal = true;
            } else if (kind.keeps(f.getKey())) {
                kept.put(f.getKey(), f.getValue());
            } else {
                dropped.add(f.getKey());
            }
        }
        for (String r : kind.required()) {
            if (kept.get(r) == null) {
                problems.add(kind.label() + " is invalid: no " + r);
                fatal = true;
            }
        }
        kind.fillDefaults(kept);
        return new Read(kept, problems, dropped, fatal);
    }

    /** Go's {@code strconv.ParseBool}. */
    static Boolean parseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> null;
        };
    }

    private static TreeSet<String> keys(Secret secret) {
        TreeSet<String> keys = new TreeSet<>();
        if (secret.getData() != null) keys.addAll(secret.getData().keySet());
        if (secret.getStringData() != null) keys.addAll(secret.getStringData().keySet());
        return keys;
    }
}
