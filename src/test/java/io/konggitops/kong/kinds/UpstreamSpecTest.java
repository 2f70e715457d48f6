package io.konggitops.kong.kinds;

import io.konggitops.kong.EntityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Kong's shorthand coupling of algorithm and hash_on, as the diff normalises upstreams before comparing. */
class UpstreamSpecTest {
    static Stream<Arguments> rows() {
        return Stream.of(
                arguments("least-connections resets hash_on to none", Map.of("algorithm", "least-connections",
                        "hash_on", "ip"), "least-connections", "none"),
                arguments("hash_on none means round-robin", Map.of("algorithm", "consistent-hashing",
                        "hash_on", "none"), "round-robin", "none"),
                arguments("a hash input means consistent-hashing", Map.of("algorithm", "round-robin",
                        "hash_on", "header"), "consistent-hashing", "header"),
                arguments("sticky-sessions with hash_on none stays sticky-sessions", Map.of("algorithm",
                        "sticky-sessions", "hash_on", "none"), "sticky-sessions", "none"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void normalises(String rule, Map<String, Object> fields, String algorithm, String hashOn) {
        Map<String, Object> m = new LinkedHashMap<>(fields);
        EntityType.UPSTREAM.spec().normalize(m);
        assertThat(m).as(rule).containsEntry("algorithm", algorithm).containsEntry("hash_on", hashOn);
    }
}
