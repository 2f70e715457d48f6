package io.konggitops.kong.kinds;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BasicAuthSpecTest {
    private static final String CONSUMER = "8c3f5a4e-0000-4000-8000-000000000001";

    private static Map<String, Object> compared(String desiredPassword, String storedPassword) {
        Map<String, Object> desired = new HashMap<>(Map.of("username", "u", "password", desiredPassword));
        KongEntity live = KongEntity.of(EntityType.BASIC_AUTH, Map.of("username", "u", "password", storedPassword,
                "consumer", Map.of("id", CONSUMER)));
        EntityType.BASIC_AUTH.spec().asStoredBy(desired, live);
        return desired;
    }

    @Test
    void aPasswordKongStoredAsSha1OfPasswordAndConsumerIdComparesEqual() {
        String stored = BasicAuthSpec.sha1Hex("s3cret" + CONSUMER);
        assertThat(compared("s3cret", stored).get("password")).isEqualTo(stored);
    }

    @Test
    void aPasswordChangedInGitStillDiffers() {
        String stored = BasicAuthSpec.sha1Hex("old" + CONSUMER);
        assertThat(compared("new", stored).get("password")).isEqualTo("new");
    }

    @Test
    void theHashIsKongsHexSha1() {
        assertThat(BasicAuthSpec.sha1Hex("abc")).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
    }
}
