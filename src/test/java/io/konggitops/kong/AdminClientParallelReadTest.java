package io.konggitops.kong;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konggitops.testing.kong.KongDouble;
import io.konggitops.testing.kong.KongDoubleBuilder;
import io.konggitops.testing.kong.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Reads in parallel see exactly what serial reads see: the same entities in the same order, across page boundaries
 * (2,500 routes and 1,100 upstreams at {@code size=1000}, 1,200 targets in one upstream's nested listing), with targets
 * of weight 0 (Kong 3.x lists them: {@code kong/db/dao/targets.lua} {@code page_for_upstream}) and targets without
 * the select tags (nested listings ignore {@code tags}, so they are read and left to the diff). A failing listing fails
 * a parallel read with the serial read's error, stops the other listings and leaves no thread behind.
 */
class AdminClientParallelReadTest {
    static final String TAG = "managed-by:kong-gitops";
    static final Set<EntityType> ALL = EnumSet.allOf(EntityType.class);
    static final int ROUTES = 2500;
    static final int UPSTREAMS = 1100;
    static final int BIG_UPSTREAM_TARGETS = 1200;

    static KongDouble kong;
    static String bigUpstream;
    static String firstUpstream;

    @BeforeAll
    static void seed() throws IOException {
        kong = KongDouble.startDefault();
        List<String> services = new ArrayList<>();
        for (int s = 0; s < ROUTES / 2; s++) {
            services.add(kong.seed("services", Map.of("name", "svc-" + s, "host", "svc-" + s + ".ns.svc",
                    "tags", List.of(TAG))).get("id").asText());
        }
        kong.seed("services", Map.of("name", "not-ours", "host", "elsewhere", "tags", List.of("team-b")));
        for (int r = 0; r < ROUTES; r++) {
            kong.seed("routes", Map.of("name", "route-" + r, "hosts", List.of("h" + r + ".example.com"),
                    "paths", List.of("/api/" + r), "service", Map.of("id", services.get(r / 2)), "tags", List.of(TAG)));
        }
        for (int u = 0; u < UPSTREAMS; u++) {
            ObjectNode up = kong.seed("upstreams", Map.of("name", "up-" + u, "tags", List.of(TAG)));
            String id = up.get("id").asText();
            for (int t = 0; t < 2; t++) {
                // one target in two at weight 0 (a draining endpoint); every third without tags
                Map<String, Object> target = new java.util.HashMap<>(Map.of("target", "10." + (u / 250) + "."
                        + (u % 250) + "." + (t + 1) + ":8080", "weight", t == 0 ? 100 : 0, "upstream", Map.of("id", id)));
                if ((u + t) % 3 != 0) target.put("tags", List.of(TAG));
                kong.seed("targets", target);
            }
        }
        bigUpstream = kong.seed("upstreams", Map.of("name", "big", "tags", List.of(TAG))).get("id").asText();
        for (int t = 0; t < BIG_UPSTREAM_TARGETS; t++) {
            kong.seed("targets", Map.of("target", "10.200." + (t / 250) + "." + (t % 250 + 1) + ":80",
                    "weight", t % 4 == 0 ? 0 : 10, "upstream", Map.of("id", bigUpstream), "tags", List.of(TAG)));
        }
        firstUpstream = kong.store().all("upstreams").stream().map(u -> u.get("id").asText()).sorted().findFirst()
                .orElseThrow();
        TestCertificates.Pair pair = TestCertificates.of("shop.example.com");
        String cert = kong.seed("certificates", Map.of("cert", pair.cert(), "key", pair.key(), "tags", List.of(TAG)))
                .get("id").asText();
        kong.seed("snis", Map.of("name", "shop.example.com", "certificate", Map.of("id", cert), "tags", List.of(TAG)));
        String consumer = kong.seed("consumers", Map.of("username", "alice", "tags", List.of(TAG))).get("id").asText();
        kong.seed("keyauth_credentials", Map.of("key", "alice-key", "consumer", Map.of("id", consumer),
                "tags", List.of(TAG)));
        kong.seed("plugins", Map.of("name", "cors", "service", Map.of("id", services.get(0)), "tags", List.of(TAG)));
    }

    @AfterAll
    static void stop() {
        kong.close();
    }

    @BeforeEach
    void forgetRequestsAndFaults() {
        kong.stats().reset();
        kong.clearFailures();
    }

    @Test
    void aParallelReadIsTheSerialReadAcrossPageBoundariesWithWeightZeroAndUntaggedTargets() {
        KongState serial = read(1);
        KongState parallel = read(8);

        assertThat(parallel.entities()).as("same entities, same order").isEqualTo(serial.entities());
        assertThat(serial.of(EntityType.ROUTE)).hasSize(ROUTES);
        assertThat(serial.of(EntityType.SERVICE)).as("the service without the select tag is not listed")
                .hasSize(ROUTES / 2);
        assertThat(serial.of(EntityType.UPSTREAM)).hasSize(UPSTREAMS + 1);
        assertThat(serial.of(EntityType.TARGET)).as("every target, untagged ones included")
                .hasSize(UPSTREAMS * 2 + BIG_UPSTREAM_TARGETS);
        assertThat(serial.of(EntityType.TARGET).filter(t -> Long.valueOf(0).equals(t.get("weight"))))
                .hasSize(UPSTREAMS + BIG_UPSTREAM_TARGETS / 4);
        assertThat(serial.of(EntityType.SNI)).hasSize(1);
        assertThat(serial.of(EntityType.KEY_AUTH)).hasSize(1);
        assertThat(serial.of(EntityType.PLUGIN)).hasSize(1);

        List<String> bigTargets = serial.of(EntityType.TARGET).filter(t -> bigUpstream.equals(t.foreignKey("upstream")))
                .map(KongEntity::id).toList();
        assertThat(bigTargets).as("the 1,200 targets of one upstream, over two nested pages, in Kong's order")
                .hasSize(BIG_UPSTREAM_TARGETS).doesNotHaveDuplicates();
        assertThat(kong.stats().count("GET", "/upstreams/" + bigUpstream + "/targets")).as("two pages, twice")
                .isEqualTo(4);
        assertThat(kong.stats().count("GET", "/routes")).as("three pages of routes, twice").isEqualTo(6);
    }

    @Test
    void theEntitiesReadAreThoseKongHoldsInEveryKind() {
        KongState parallel = read(8);

        for (String table : List.of("routes", "upstreams", "targets", "certificates", "consumers")) {
            List<String> held = kong.store().all(table).stream().map(r -> r.get("id").asText()).sorted().toList();
            EntityType type = switch (table) {
                case "routes" -> EntityType.ROUTE;
                case "upstreams" -> EntityType.UPSTREAM;
                case "targets" -> EntityType.TARGET;
                case "certificates" -> EntityType.CERTIFICATE;
                default -> EntityType.CONSUMER;
            };
            assertThat(parallel.of(type).map(KongEntity::id).sorted().toList()).as(table).isEqualTo(held);
        }
    }

    @Test
    void readsAreInFlightInParallelUpToTheReadParallelismAndNoFurther() throws IOException {
        try (KongDouble small = smallKong(KongDouble.builder())) {
            small.holdFirstReads(4);
            read(small, 4, 120);
            assertThat(small.maxConcurrentReads()).isEqualTo(4);
        }
    }

    @Test
    void aReadParallelismOfOneSendsOneRequestAtATime() throws IOException {
        try (KongDouble small = smallKong(KongDouble.builder())) {
            read(small, 1, 120);
            assertThat(small.maxConcurrentReads()).isEqualTo(1);
        }
    }

    @Test
    void aFailingListingFailsAParallelReadWithTheErrorOfASerialRead() {
        kong.failOn("GET", "/upstreams/" + firstUpstream + "/targets", 500, -1, null);

        KongApiException serial = catchThrowableOfType(() -> read(1), KongApiException.class);
        KongApiException parallel = catchThrowableOfType(() -> read(8), KongApiException.class);

        assertThat(serial).isNotNull();
        assertThat(serial.getMessage()).startsWith("GET /upstreams/" + firstUpstream + "/targets?size=1000&tags=")
                .contains("HTTP 500");
        assertThat(parallel).isNotNull().hasMessage(serial.getMessage());
        assertThat(parallel.status()).isEqualTo(serial.status()).isEqualTo(500);
        assertThat(liveReadThreads()).as("no read thread outlives its read").isEmpty();
    }

    @Test
    void theFirstFailureAbortsTheRequestsInFlightAndSendsNoOther() throws Exception {
        AtomicInteger targetListings = new AtomicInteger();
        AtomicBoolean heldUntilTimeout = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> failing = new AtomicReference<>("(not yet)");
        // every target listing but the failing one is held in Kong until the test ends, so that it is still in flight
        // when the failing one fails: the read must abort it rather than wait for its answer
        KongDoubleBuilder builder = KongDouble.builder().latency((method, path) -> {
            if (method.equals("GET") && path.startsWith("/upstreams/") && path.endsWith("/targets")) {
                targetListings.incrementAndGet();
                if (!path.contains(failing.get())) {
                    try {
                        if (!release.await(150, TimeUnit.SECONDS)) heldUntilTimeout.set(true);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            return Duration.ZERO;
        });
        try (KongDouble small = smallKong(builder)) {
            String first = small.store().all("upstreams").stream().map(u -> u.get("id").asText()).sorted()
                    .findFirst().orElseThrow();
            failing.set("/upstreams/" + first + "/targets");
            small.failOn("GET", failing.get(), 503, -1, null);

            KongApiException e = catchThrowableOfType(() -> read(small, 4, 120), KongApiException.class);

            assertThat(e).isNotNull().hasMessageContaining("GET " + failing.get()).hasMessageContaining("HTTP 503");
            assertThat(liveReadThreads()).as("the held requests were aborted, their threads ended").isEmpty();
            assertThat(heldUntilTimeout).as("the read did not wait for the held answers").isFalse();
            // the failing listing is the first target listing queued: besides it, at most the three other threads'
            // listings were sent, not the other 17
            assertThat(targetListings.get()).isBetween(1, 4);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aNotInstalledCredentialPluginStillReadsAsNoCredentialsInParallel() {
        kong.failOn("GET", "/mtls-auths", 404, -1, null);
        KongState state = read(8);
        assertThat(state.of(EntityType.MTLS_AUTH)).isEmpty();
        assertThat(state.of(EntityType.KEY_AUTH)).hasSize(1);
    }

    private static KongState read(int parallelism) {
        return read(kong, parallelism, 60);
    }

    private static KongState read(KongDouble from, int parallelism, int responseTimeoutSeconds) {
        try (AdminClient client = new AdminClient(AdminClientOptions.builder(from.baseUrl())
                .readParallelism(parallelism).responseTimeout(Duration.ofSeconds(responseTimeoutSeconds)).build())) {
            return client.read(ALL, List.of(TAG));
        }
    }

    /** 20 upstreams with a target each. */
    private static KongDouble smallKong(KongDoubleBuilder builder) throws IOException {
        KongDouble small = builder.build().start();
        for (int u = 0; u < 20; u++) {
            String id = small.seed("upstreams", Map.of("name", "up-" + u, "tags", List.of(TAG))).get("id").asText();
            small.seed("targets", Map.of("target", "10.0.0." + (u + 1) + ":80", "upstream", Map.of("id", id)));
        }
        return small;
    }

    private static List<String> liveReadThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("kong-read-")).toList();
    }
}
