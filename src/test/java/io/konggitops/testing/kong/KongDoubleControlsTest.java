package io.konggitops.testing.kong;

import static io.konggitops.testing.kong.AdminHttp.j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class KongDoubleControlsTest extends DefaultDoubleTest {

    @Test
    void anInjectedFailureAnswersTheChosenRequestsTheGivenNumberOfTimesWithRetryAfter() {
        kong.failOn("PUT", "/services/", 429, 2, Duration.ofSeconds(7));

        AdminHttp.Reply first = http.put("/services/a", j("{'host':'h'}"));
        AdminHttp.Reply second = http.put("/services/a", j("{'host':'h'}"));
        AdminHttp.Reply third = http.put("/services/a", j("{'host':'h'}"));

        assertThat(first.status()).isEqualTo(429);
        assertThat(first.at("/message").asText()).isEqualTo("injected failure");
        assertThat(first.headers().get("retry-after")).containsExactly("7");
        assertThat(second.status()).isEqualTo(429);
        assertThat(third.status()).isEqualTo(200);
        assertThat(http.get("/services").at("/data").size()).isEqualTo(1);
        assertThat(kong.writes()).containsExactly("PUT /services/a", "PUT /services/a", "PUT /services/a");
    }

    @Test
    void aFailureWithStatusZeroDropsTheConnectionUnansweredAndOtherRequestsPass() {
        kong.failOn("POST", "/services", 0, -1, null);

        assertThatThrownBy(() -> http.post("/services", j("{'host':'h'}"))).isInstanceOf(UncheckedIOException.class);
        assertThat(http.get("/services").status()).isEqualTo(200);
        assertThat(kong.stats().log().get(0).status()).isZero();
        kong.clearFailures();
        assertThat(http.post("/services", j("{'host':'h'}")).status()).isEqualTo(201);
    }

    @Test
    void aLyingDoubleAnswersWritesAsKongWouldButKeepsNothing() {
        http.post("/services", j("{'name':'kept','host':'h'}"));
        kong.lying(true);

        AdminHttp.Reply created = http.post("/services", j("{'name':'lost','host':'h'}"));
        AdminHttp.Reply updated = http.patch("/services/kept", j("{'retries':9}"));
        AdminHttp.Reply deleted = http.delete("/services/kept");
        AdminHttp.Reply invalid = http.post("/services", j("{'name':'x'}"));
        AdminHttp.Reply routeOfLost = http.post("/services/lost/routes", j("{'paths':['/']}"));
        AdminHttp.Reply readBack = http.get("/services/lost");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.at("/name").asText()).isEqualTo("lost");
        assertThat(created.at("/retries").asInt()).isEqualTo(5);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.at("/retries").asInt()).isEqualTo(9);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(routeOfLost.status()).as("later writes see what was acknowledged").isEqualTo(201);
        assertThat(readBack.status()).as("reads see what was kept").isEqualTo(404);
        assertThat(kong.store().all("services")).singleElement().satisfies(s -> {
            assertThat(s.get("name").asText()).isEqualTo("kept");
            assertThat(s.get("retries").asInt()).isEqualTo(5);
        });
        kong.lying(false);
        assertThat(http.post("/services", j("{'name':'real','host':'h'}")).status()).isEqualTo(201);
        assertThat(kong.store().count("services")).isEqualTo(2);
    }

    @Test
    void aLyingDblessDoubleAcceptsAConfigurationWithoutLoadingIt() throws Exception {
        try (KongDouble dbless = KongDouble.builder().dbless().build().start()) {
            dbless.lying(true);
            AdminHttp.Reply r = new AdminHttp(dbless).post("/config",
                    j("{'_format_version':'3.0','services':[{'name':'s','host':'h'}]}"));

            assertThat(r.status()).isEqualTo(201);
            assertThat(dbless.store().size()).isZero();
            assertThat(dbless.configurationHash()).isEqualTo(DeclarativeConfig.EMPTY_HASH);
        }
    }

    @Test
    void theLatencyFunctionIsAskedForEveryRequestWithItsMethodAndPath() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        try (KongDouble slow = KongDouble.builder().latency((method, path) -> {
            asked.add(method + " " + path);
            return Duration.ofMillis(1);
        }).build().start()) {
            AdminHttp client = new AdminHttp(slow);
            client.get("/");
            client.put("/services/a", j("{'host':'h'}"));
            client.get("/services/a");

            assertThat(asked).containsExactly("GET /", "PUT /services/a", "GET /services/a");
        }
    }

    @Test
    void uniqueAndForeignKeyIndexesFollowUpdatesAndDeletes() {
        http.put("/services/a", j("{'host':'h'}"));
        String id = http.get("/services/a").at("/id").asText();
        http.patch("/services/a", j("{'name':'b'}"));

        assertThat(http.get("/services/a").status()).isEqualTo(404);
        assertThat(http.get("/services/b").at("/id").asText()).isEqualTo(id);
        assertThat(http.post("/services", j("{'name':'a','host':'h'}")).status()).isEqualTo(201);
        assertThat(http.post("/services", j("{'name':'b','host':'h'}")).status()).isEqualTo(409);

        http.post("/services/b/routes", j("{'name':'r','paths':['/']}"));
        assertThat(http.delete("/services/b").status()).isEqualTo(400);
        http.delete("/routes/r");
        assertThat(http.delete("/services/b").status()).isEqualTo(204);
        assertThat(http.post("/services", j("{'name':'b','host':'h'}")).status()).isEqualTo(201);
    }

    @Test
    void holdingTheFirstWritesMeasuresHowManyRunAtOnce() throws Exception {
        kong.holdFirstWrites(3);
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = "s" + i;
            Thread t = new Thread(() -> new AdminHttp(kong).put("/services/" + name, j("{'host':'h'}")));
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) t.join();

        assertThat(kong.maxConcurrentWrites()).isEqualTo(3);
        assertThat(kong.store().count("services")).isEqualTo(3);
    }
}
