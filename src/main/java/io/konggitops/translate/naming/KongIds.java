package io.konggitops.translate.naming;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic entity IDs exactly as go-kong's {@code FillID} (used by KIC's {@code KongState.FillIDs}):
 * {@code uuid5(uuid5(NS, "<collection>"), [workspace + "/"] + key)} with {@code NS = fd02801f-0957-4a15-a55a-c8d9606f30b5}.
 */
public final class KongIds {
    static final UUID NAMESPACE = UUID.fromString("fd02801f-0957-4a15-a55a-c8d9606f30b5");

    private KongIds() {
    }

    public static String service(String workspace, String serviceName) {
        return id("services", workspace, serviceName);
    }

    public static String route(String workspace, String routeName) {
        return id("routes", workspace, routeName);
    }

    public static String consumer(String workspace, String username) {
        return id("consumers", workspace, username);
    }

    /**
     * A top-level plugin: key {@code name[:service/<svc>][:route/<route>][:consumer/<c>][:consumer_group/<g>]},
     * the parents given by name ({@code null} when absent).
     */
    public static String plugin(String workspace, String pluginName, String service, String route, String consumer,
                                String consumerGroup) {
        StringBuilder key = new StringBuilder(pluginName);
        if (service != null) key.append(":service/").append(service);
        if (route != null) key.append(":route/").append(route);
        if (consumer != null) key.append(":consumer/").append(consumer);
        if (consumerGroup != null) key.append(":consumer_group/").append(consumerGroup);
        return id("plugins", workspace, key.toString());
    }

    /** Lower-case hex SHA-256 of {@code text}: KIC's instance-name suffix (first 9 characters, all on collision). */
    public static String sha256Hex(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }

    /**
     * Certificate id for a Secret that has no UID (manifests from Git usually have none; KIC uses the UID):
     * {@code uuid5(uuid5(NS, "certificates"), "<namespace>/<name>")}, so that SNIs can reference it and it is stable.
     */
    public static String certificateWithoutUid(String workspace, String secretNamespace, String secretName) {
        return id("certificates", workspace, secretNamespace + "/" + secretName);
    }

    static String id(String collection, String workspace, String key) {
        UUID typeNs = uuid5(NAMESPACE, collection);
        String k = workspace == null || workspace.isEmpty() ? key : workspace + "/" + key;
        return uuid5(typeNs, k).toString();
    }

    /** RFC 4122 name-based UUID, version 5 (SHA-1). */
    public static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the JDK", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bb = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bb.getLong(), bb.getLong());
    }
}
