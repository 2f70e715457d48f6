package io.konggitops.translate.kongcrd;

import io.konggitops.kong.EntityType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The credential types a Secret labelled {@code konghq.com/credential} may hold, as KIC accepts them
 * ({@code credentials.SupportedTypes}, with the legacy names {@code keyauth_credential}, {@code basicauth_credential},
 * {@code hmacauth_credential}, {@code jwt_secret} that {@code SetCredential} still maps): the Kong entity kind, the
 * Secret keys KIC keeps (the fields of go-kong's credential struct; other keys are dropped), the fields KIC requires,
 * and the field KIC checks for conflicts between consumers (none for acl and mtls-auth).
 */
enum CredentialKind {
    KEY_AUTH(EntityType.KEY_AUTH, List.of("key-auth", "keyauth_credential"), Set.of("id", "key", "ttl"),
            List.of("key"), "key"),
    BASIC_AUTH(EntityType.BASIC_AUTH, List.of("basic-auth", "basicauth_credential"),
            Set.of("id", "username", "password"), List.of("username"), "username"),
    HMAC_AUTH(EntityType.HMAC_AUTH, List.of("hmac-auth", "hmacauth_credential"), Set.of("id", "username", "secret"),
            List.of("username"), "username"),
    JWT(EntityType.JWT, List.of("jwt", "jwt_secret"), Set.of("id", "algorithm", "key", "rsa_public_key", "secret"),
            List.of("key"), "key"),
    ACL(EntityType.ACL, List.of("acl"), Set.of("id", "group"), List.of("group"), null),
    OAUTH2(EntityType.OAUTH2, List.of("oauth2"),
            Set.of("id", "name", "client_id", "client_secret", "client_type", "hash_secret", "redirect_uris"),
            List.of("client_id", "name"), "client_id"),
    MTLS_AUTH(EntityType.MTLS_AUTH, List.of("mtls-auth"), Set.of("id", "subject_name"), List.of("subject_name"), null);

    /** Fields of go-kong's credential structs that a Secret value (a string) cannot fill. */
    static final Set<String> NOT_FROM_SECRET = Set.of("consumer", "created_at", "tags", "ca_certificate");

    private final EntityType entityType;
    private final List<String> labels;
    private final Set<String> fields;
    private final List<String> required;
    private final String conflictField;

    CredentialKind(EntityType entityType, List<String> labels, Set<String> fields, List<String> required,
                   String conflictField) {
        this.entityType = entityType;
        this.labels = labels;
        this.fields = fields;
        this.required = required;
        this.conflictField = conflictField;
    }

    /** The kind for a {@code konghq.com/credential} label value. */
    static Optional<CredentialKind> ofLabel(String label) {
        for (CredentialKind k : values()) {
            if (k.labels.contains(label)) return Optional.of(k);
        }
        return Optional.empty();
    }

    static String supportedLabels() {
        return "key-auth, basic-auth, hmac-auth, jwt, acl, oauth2, mtls-auth";
    }

    EntityType entityType() {
        return entityType;
    }

    /** The label KIC names the type by in messages (the first, non-legacy one). */
    String label() {
        return labels.get(0);
    }

    boolean keeps(String field) {
        return fields.contains(field);
    }

    List<String> required() {
        return required;
    }

    /** The field two consumers may not share a value of, or null. */
    String conflictField() {
        return conflictField;
    }

    /** KIC's defaults after decoding: a jwt credential without algorithm is HS256. */
    void fillDefaults(Map<String, Object> fields) {
        if (this == JWT && (fields.get("algorithm") == null || "".equals(fields.get("algorithm")))) {
            fields.put("algorithm", "HS256");
        }
    }
}
