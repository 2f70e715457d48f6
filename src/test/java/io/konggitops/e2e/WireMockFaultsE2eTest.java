package io.konggitops.e2e;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * WireMock as a proxy in front of the Kong double, injecting faults at chosen requests: every run still converges.
 * Each fault fires once (a scenario moves on after it), then requests pass through to the double.
 */
class WireMockFaultsE2eTest {
    @TempDir
    Path tmp;
    private E2eFixture f;
    private WireMockServer proxy;

    @BeforeEach
    void start() {
        f = new E2eFixture(tmp).copySamples("shop", "platform");
        f.repo.commit("samples");
        proxy = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1));
        proxy.start();
        proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(f.kong.baseUrl())));
        f.adminUrl(proxy.baseUrl());
    }

    @AfterEach
    void stop() {
        proxy.stop();
        f.close();
    }

    /** The first request matching {@code request} gets {@code fault}; later ones go to the double. */
    private void once(String name, com.github.tomakehurst.wiremock.client.MappingBuilder request,
                      ResponseDefinitionBuilder fault) {
        proxy.stubFor(request.atPriority(1).inScenario(name).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(fault).willSetStateTo("fired"));
    }

    private void assertConverged(E2eFixture.Run run, int retries) {
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.json().at("/applied/retries").asInt()).isEqualTo(retries);
        assertThat(f.kong.store().size()).isEqualTo(21);
        E2eFixture.Run diff = f.diff();
        assertThat(diff.exit()).as(diff.toString()).isZero();
    }

    @Test
    void aServiceUnavailableAnswerIsRetriedAndTheRunConverges() {
        once("503", put(urlPathMatching("/services/.+")), aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"upstream unavailable\"}"));
        assertConverged(f.reconcile("--report", "json"), 1);
        assertThat(events("PUT", "/services/")).hasSize(5);
    }

    @Test
    void aTooManyRequestsAnswerWaitsForItsRetryAfterAndTheRunConverges() {
        once("429", put(urlPathMatching("/routes/.+")), aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"API rate limit exceeded\"}"));
        assertConverged(f.reconcile("--report", "json"), 1);
        List<ServeEvent> routes = events("PUT", "/routes/");
        assertThat(routes).hasSize(5);
        ServeEvent limited = routes.stream().filter(e -> e.getResponse().getStatus() == 429).findFirst().orElseThrow();
        String path = limited.getRequest().getUrl();
        ServeEvent retried = routes.stream().filter(e -> e.getRequest().getUrl().equals(path))
                .filter(e -> e.getResponse().getStatus() == 200).findFirst().orElseThrow();
        assertThat(retried.getRequest().getLoggedDate().getTime() - limited.getRequest().getLoggedDate().getTime())
                .as("Retry-After: 1 is honoured").isGreaterThanOrEqualTo(950);
    }

    @Test
    void aConnectionResetIsRetriedAndTheRunConverges() {
        once("reset", post(urlPathMatching("/upstreams/.+/targets")),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertConverged(f.reconcile("--report", "json"), 1);
        assertThat(events("POST", "/upstreams/")).hasSize(7);
        assertThat(f.kong.store().count("targets")).isEqualTo(6);
    }

    @Test
    void aSlowAnswerIsWaitedForAndTheRunConverges() {
        once("slow-read", get(urlPathEqualTo("/routes")),
                aResponse().proxiedFrom(f.kong.baseUrl()).withFixedDelay(1500));
        once("slow-write", put(urlPathMatching("/upstreams/.+")),
                aResponse().proxiedFrom(f.kong.baseUrl()).withFixedDelay(1500));
        assertConverged(f.reconcile("--report", "json"), 0);
    }

    private List<ServeEvent> events(String method, String pathPrefix) {
        return proxy.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals(method))
                .filter(e -> e.getRequest().getUrl().startsWith(pathPrefix))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

}
