package io.konggitops.apply;

import io.konggitops.diff.Differ;
import io.konggitops.diff.FieldChange;
import io.konggitops.diff.Plan;
import io.konggitops.diff.Schemas;
import io.konggitops.kong.AdminClient;
import io.konggitops.kong.AdminClientOptions;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.kong.RouterFlavor;
import io.konggitops.testing.kong.KongDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.konggitops.diff.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plugins written with a partial config and read back from the Kong double (Kong's defaults filled in, shorthands
 * shown again) compare equal to the desired plugin: the defaults come from {@code GET /schemas/plugins/{name}}.
 */
class PluginFalseDriftTest {
    private static final String S1 = "11111111-0000-4000-8000-000000000001";
    private static final String R1 = "22222222-0000-4000-8000-000000000001";
    private static final String P1 = "44444444-0000-4000-8000-000000000001";
    private KongDouble kong;
    private AdminClient client;

    @BeforeEach
    void start() throws Exception {
        kong = KongDouble.builder().build().start();
        client = new AdminClient(AdminClientOptions.of(kong.baseUrl()));
    }

    @AfterEach
    void stop() {
        client.close();
        kong.close();
    }

    static Stream<Arguments> partialConfigs() {
        return Stream.of(
                Arguments.of("rate-limiting", Map.of("minute", 5)),
                Arguments.of("key-auth", Map.of("key_names", List.of("x-api-key"))),
                Arguments.of("basic-auth", Map.of("hide_credentials", true)),
                Arguments.of("acl", Map.of("allow", List.of("admins"))),
                Arguments.of("cors", Map.of("origins", List.of("https://example.com"), "credentials", true)),
                Arguments.of("correlation-id", Map.of("header_name", "X-Request-ID")),
                Arguments.of("ip-restriction", Map.of("allow", List.of("10.0.0.0/8"))),
                Arguments.of("request-transformer", Map.of("add", Map.of("headers", List.of("x-a:1")))),
                Arguments.of("response-transformer", Map.of("remove", Map.of("headers", List.of("server")))),
                Arguments.of("request-termination", Map.of("status_code", 403, "message", "closed")),
                Arguments.of("redirect", Map.of("location", "https://example.com/")),
                Arguments.of("proxy-cache", Map.of("strategy", "memory", "cache_ttl", 60)),
                Arguments.of("pre-function", Map.of("access", List.of("kong.log.info('hi')"))),
                Arguments.of("post-function", Map.of("log", List.of("kong.log.info('bye')"))));
    }

    private KongState desired(KongEntity plugin) {
        return state(service(S1, "svc"), route(R1, "web", S1, "/"), plugin);
    }

    private Plan plan(KongState desired) {
        KongState live = client.read(EnumSet.allOf(EntityType.class), List.of(TAG));
        Schemas schemas = Schemas.fetchFor(client, desired, live, RouterFlavor.TRADITIONAL_COMPATIBLE);
        return Differ.diff(desired, live, schemas, OPTIONS);
    }

    private void write(KongState desired) {
        ApplyResult r = Applier.apply(plan(desired), client, Kong.options(new Kong.RecordingSleeper()));
        assertThat(r.succeeded()).as(r.toString()).isTrue();
    }

    @ParameterizedTest(name = "an unchanged {0} plugin with a partial config shows no drift")
    @MethodSource("partialConfigs")
    void anUnchangedPluginWithAPartialConfigShowsNoDriftAfterKongFilledItsDefaults(String name,
                                                                                    Map<String, Object> config) {
        KongState desired = desired(routePlugin(P1, name, R1, config));
        write(desired);

        Plan again = plan(desired);

        assertThat(again.changes()).as(name + " " + again.changes()).isEmpty();
    }

    @Test
    void aConfigWrittenWithDeprecatedRedisShorthandsComparesEqualToKongsStoredRedisRecord() {
        KongState desired = desired(routePlugin(P1, "rate-limiting", R1, Map.of("minute", 5, "policy", "redis",
                "redis_host", "redis.example", "redis_port", 6380)));
        write(desired);

        assertThat(plan(desired).changes()).isEmpty();
    }

    @Test
    void aConfigUsingTheNewRedisRecordComparesEqualAfterKongEchoedTheShorthands() {
        KongState desired = desired(routePlugin(P1, "rate-limiting", R1, Map.of("minute", 5, "policy", "redis",
                "redis", Map.of("host", "redis.example"))));
        write(desired);

        assertThat(plan(desired).changes()).isEmpty();
    }

    @Test
    void changingOnlyTheShorthandValueIsOneFieldChangeOnTheNewField() {
        write(desired(routePlugin(P1, "rate-limiting", R1, Map.of("minute", 5, "policy", "redis",
                "redis_host", "a.example"))));

        Plan p = plan(desired(routePlugin(P1, "rate-limiting", R1, Map.of("minute", 5, "policy", "redis",
                "redis_host", "b.example"))));

        assertThat(p.changes()).hasSize(1);
        List<String> paths = new ArrayList<>();
        for (FieldChange f : p.changes().get(0).fieldChanges()) paths.add(f.path());
        assertThat(paths).containsExactly("config.redis.host");
    }

    @Test
    void aRedisPasswordChangeIsSensitiveBecauseTheSchemaMarksItEncrypted() {
        write(desired(routePlugin(P1, "rate-limiting", R1, Map.of("minute", 5, "redis",
                Map.of("password", "first-pass-9f1c")))));

        Plan p = plan(desired(routePlugin(P1, "rate-limiting", R1, Map.of("minute", 5, "redis",
                Map.of("password", "second-pass-7a2d")))));

        FieldChange f = p.changes().get(0).fieldChanges().get(0);
        assertThat(f.path()).isEqualTo("config.redis.password");
        assertThat(f.sensitive()).isTrue();
        assertThat(f.toString()).doesNotContain("first-pass-9f1c").doesNotContain("second-pass-7a2d");
    }
}
