package io.konggitops.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The "last applied" tag, like kubectl's {@code last-applied-configuration} annotation but short enough for a Kong
 * tag: {@code kong-gitops-applied:<12 hex>}, the first 48 bits of the SHA-256 of the entity as it was written, in
 * the diff's comparable form ({@link Normalizer}: defaults filled, sets sorted, foreign keys as ids) without its
 * {@code tags}. Kong's {@code typedefs.tag} allows it (printable ASCII without {@code ,} and {@code /}).
 *
 * <p>Every write carries it (DB mode PUT/POST bodies and the DB-less {@code /config}); {@code render} output never
 * does. The diff ignores it on both sides, so the tag itself never makes drift. Tags are readable by whoever can read
 * the entity itself, so the hash reveals nothing a reader of the Admin API could not read directly.
 */
public final class AppliedTag {
    /** Every applied tag starts with this. */
    public static final String PREFIX = "kong-gitops-applied:";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private AppliedTag() {
    }

    /** {@code kong-gitops-applied:<12 hex>} for comparable fields (tags are left out of the hash). */
    public static String of(Map<String, Object> comparableFields) {
        return PREFIX + hash(comparableFields);
    }

    /** The 12 hex digits over the fields without {@code tags}. */
    static String hash(Map<String, Object> comparableFields) {
        Map<String, Object> m = new TreeMap<>(comparableFields);
        m.remove("tags");
        try {
            byte[] json = JSON.writeValueAsBytes(KongJson.canonicalMap(m));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash an entity: " + e.getMessage(), e);
        }
    }

    /** The hash recorded on a live entity, if it carries an applied tag. */
    public static Optional<String> recorded(KongEntity e) {
        if (e.get("tags") instanceof List<?> tags) {
            for (Object t : tags) {
                if (t instanceof String s && s.startsWith(PREFIX)) return Optional.of(s.substring(PREFIX.length()));
            }
        }
        return Optional.empty();
    }

    /** The entity without any applied tag (unchanged when it has none). */
    public static KongEntity strip(KongEntity e) {
        if (!(e.get("tags") instanceof List<?> tags) || tags.stream().noneMatch(AppliedTag::isApplied)) return e;
        List<Object> kept = new ArrayList<>();
        for (Object t : tags) {
            if (!isApplied(t)) kept.add(t);
        }
        return e.with("tags", kept);
    }

    /** The entity with {@code tag} as its only applied tag, after its other tags. */
    static KongEntity with(KongEntity e, String tag) {
        List<Object> tags = new ArrayList<>();
        if (strip(e).get("tags") instanceof List<?> existing) tags.addAll(existing);
        tags.add(tag);
        return e.with("tags", tags);
    }

    private static boolean isApplied(Object tag) {
        return tag instanceof String s && s.startsWith(PREFIX);
    }
}
