package io.konggitops.e2e;

import io.konggitops.testing.kong.KongDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write failing at any position of the 21-write samples plan leaves Kong without it and what depends on it; the
 * next run converges. The injected 400 is not retried, so each position is exercised as a permanent failure.
 */
class FaultRecoveryE2eTest {
    @TempDir
    static Path tmp;
    private static E2eFixture f;

    @BeforeAll
    static void samples() {
        f = new E2eFixture(tmp, KongDouble.builder()).copySamples("shop", "platform");
        f.repo.commit("samples");
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @ParameterizedTest(name = "write {0} fails with a 400, the next run converges")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21})
    void aRunStoppedByAFailedWriteIsRepairedByTheNextRun(int n) {
        f.kong.reset();
        f.kong.failNthWrite(n, 400);
        E2eFixture.Run failed = f.reconcile();
        assertThat(failed.exit()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.out()).contains("HTTP 400");
        assertThat(f.kong.stats().writes()).as("a failed write skips only what depends on it").isLessThanOrEqualTo(21);
        assertThat(f.kong.store().size()).isLessThan(21);

        E2eFixture.Run repair = f.reconcile();
        assertThat(repair.exit()).as(repair.toString()).isZero();
        assertThat(f.kong.store().size()).isEqualTo(21);
        E2eFixture.Run diff = f.diff();
        assertThat(diff.exit()).as(diff.toString()).isZero();
    }

    @Test
    void aFailedWriteInAnUpdateRunIsRepairedByTheNextRun() {
        f.kong.reset();
        assertThat(f.reconcile().exit()).isZero();
        String route = f.kong.store().find("routes", "name", "platform.fallback").get("id").asText();
        AdminCalls.send(f.kong.baseUrl(), "PATCH", "/routes/" + route, "{\"paths\":[\"/x\"]}");
        String service = f.kong.store().find("services", "name", "shop.web.80").get("id").asText();
        AdminCalls.send(f.kong.baseUrl(), "PATCH", "/services/" + service, "{\"retries\":1}");
        f.kong.failNthWrite(1, 400);
        assertThat(f.reconcile().exit()).isEqualTo(1);
        assertThat(f.diff().exit()).as("one of the two repairs is still missing").isEqualTo(2);
        assertThat(f.reconcile().exit()).isZero();
        assertThat(f.diff().exit()).isZero();
    }

    @Test
    void aServerErrorIsRetriedWithinTheSameRun() {
        f.kong.reset();
        f.kong.failNthWrite(7, 503);
        E2eFixture.Run run = f.reconcile("--report", "json");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.json().at("/applied/retries").asInt()).isEqualTo(1);
        assertThat(f.kong.stats().writes()).isEqualTo(22);
        assertThat(f.kong.store().size()).isEqualTo(21);
        assertThat(f.diff().exit()).isZero();
    }
}
