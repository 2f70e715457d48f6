package io.konggitops.e2e;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Pushgateway that is down or failing (WireMock: 503, a connection reset): the run keeps its own exit code and
 * says on stderr that the metrics were not pushed.
 */
class PushgatewayDownE2eTest {
    @TempDir
    Path tmp;
    private E2eFixture f;
    private WireMockServer gateway;

    @BeforeEach
    void start() {
        f = new E2eFixture(tmp).copySamples("shop", "platform");
        f.repo.commit("samples");
        gateway = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1));
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop();
        f.close();
    }

    @Test
    void aPushgatewayAnswering503LeavesTheSuccessfulRunAtExit0WithAWarning() {
        gateway.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withBody("unavailable")));

        E2eFixture.Run run = f.reconcile("--pushgateway-url", gateway.baseUrl());

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(f.all("routes")).isNotEmpty();
        assertThat(run.err()).contains("warning: could not push metrics to the Pushgateway");
        // one POST (replace the pushed metrics only) to the stable group job/kong-gitops/select_tag/<tag>
        List<LoggedRequest> pushes = gateway.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .anyRequestedFor(anyUrl()));
        assertThat(pushes).singleElement().satisfies(r -> {
            assertThat(r.getMethod().getName()).isEqualTo("POST");
            assertThat(r.getUrl()).startsWith("/metrics/job/kong-gitops/select_tag");
            assertThat(r.getBodyAsString()).contains("kong_gitops_exit_code 0")
                    .contains("kong_gitops_last_success_timestamp_seconds");
        });
    }

    @Test
    void aPushgatewayResettingTheConnectionLeavesTheDriftRunAtExit2WithAWarning() {
        gateway.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        E2eFixture.Run run = f.diff("--pushgateway-url", gateway.baseUrl());

        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("warning: could not push metrics to the Pushgateway");
    }

    @Test
    void aPushgatewayThatIsNotListeningLeavesTheRunAtItsExitCodeWithAWarning() {
        String url = gateway.baseUrl();
        gateway.stop();

        E2eFixture.Run run = f.reconcile("--pushgateway-url", url);

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.err()).contains("warning: could not push metrics to the Pushgateway localhost:");
    }
}
