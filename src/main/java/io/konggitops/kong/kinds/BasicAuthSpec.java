package io.konggitops.kong.kinds;

import io.konggitops.kong.KongEntity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code basic-auths}: a credential whose password Kong stores only as a hash, the hex SHA-1 of the password followed
 * by the consumer's id ({@code kong/plugins/basic-auth/crypto.lua}). The desired password is compared in that form,
 * so an unchanged password is no drift and a password changed in Git is (decK ignores basic-auth passwords
 * altogether). A Kong that hashes otherwise (a different algorithm) shows the password as changed on every run.
 */
public final class BasicAuthSpec extends CredentialSpec {
    public BasicAuthSpec() {
        super("basic-auth", "basic-auths", "basicauth_credentials", "username", "username", false);
    }

    @Override
    public void asStoredBy(Map<String, Object> desired, KongEntity live) {
        Object password = desired.get("password");
        String stored = live.string("password");
        String consumerId = live.foreignKey("consumer");
        if (password == null || stored == null || consumerId == null) return;
        if (stored.equalsIgnoreCase(sha1Hex(password + consumerId))) desired.put("password", stored);
    }

    static String sha1Hex(String s) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the JDK", e);
        }
    }
}
