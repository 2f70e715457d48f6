package io.konggitops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 * Each fault fires exactly once, for the first matching request, then requests pass through to the double.
 *
 * <p>"Exactly once" is {@link FireOnce}, not a WireMock scenario: the apply stage sends up to ten requests at a time,
 * and a scenario checks its state and moves it on in two steps, so two concurrent matching requests (two targets
 * POSTed at once) could both see the starting state and both get the fault (then the run made two retries).
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
        proxy = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1)
                .extensions(new FireOnce(f.kong.baseUrl())));
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
        proxy.stubFor(request.atPriority(1).willReturn(fault.withTransformers(FireOnce.NAME)
                .withTransformerParameter(FireOnce.NAME, name)));
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
        E2eFixture.Run run = f.reconcile("--report", "json");
        assertConverged(run, 1);
        List<ServeEvent> routes = events("PUT", "/routes/");
        assertThat(routes).hasSize(5);
        ServeEvent limited = routes.stream().filter(e -> e.getResponse().getStatus() == 429).findFirst().orElseThrow();
        String path = limited.getRequest().getUrl();
        assertThat(routes).filteredOn(e -> e.getRequest().getUrl().equals(path)).hasSize(2);
        JsonNode retry = run.json().at("/applied/retried/0");
        assertThat(retry.path("status").asInt()).isEqualTo(429);
        assertThat(retry.path("request").asText()).startsWith("routes ");
        String route = retry.path("request").asText().substring("routes ".length());
        assertThat(path).as("the retried request is the limited one")
                .endsWith("/" + f.kong.store().find("routes", "name", route).get("id").asText());
        assertThat(retry.path("retry_after").asBoolean()).as("the wait comes from Retry-After").isTrue();
        assertThat(retry.path("wait_ms").asLong()).as("Retry-After: 1 is honoured").isEqualTo(1000);
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

    /**
     * Serves a stub's own response to the first request it matches, atomically, and proxies every later one to the
     * double (as the lowest-priority catch-all stub does).
     */
    private static final class FireOnce implements ResponseDefinitionTransformerV2 {
        static final String NAME = "fire-once";
        private final Set<String> fired = ConcurrentHashMap.newKeySet();
        private final String target;

        FireOnce(String target) {
            this.target = target;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String fault = event.getTransformerParameters().getString(NAME);
            return fired.add(fault) ? event.getResponseDefinition()
                    : ResponseDefinitionBuilder.responseDefinition().proxiedFrom(target).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    private List<ServeEvent> events(String method, String pathPrefix) {
        return proxy.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals(method))
                .filter(e -> e.getRequest().getUrl().startsWith(pathPrefix))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

}
