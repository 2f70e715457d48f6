package io.konggitops.translate.tls;

import io.fabric8.kubernetes.api.model.Secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Reads a Secret value: {@code data} (base64, line breaks allowed as in Go) or, for manifests, {@code stringData}. */
public final class SecretData {
    private SecretData() {
    }

    public static Optional<String> value(Secret secret, String key) {
        if (secret.getData() != null && secret.getData().get(key) != null) {
            try {
                byte[] b = Base64.getMimeDecoder().decode(secret.getData().get(key));
                return Optional.of(new String(b, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (secret.getStringData() != null && secret.getStringData().get(key) != null) {
            return Optional.of(secret.getStringData().get(key));
        }
        return Optional.empty();
    }
}
