package io.konggitops.kong;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/** A WireMock server on 127.0.0.1 standing in for a Kong Admin API, and clients pointed at it. */
final class WireMockKong implements AutoCloseable {
    final WireMockServer server;

    WireMockKong() {
        this(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().containerThreads(8).jettyAcceptors(1));
    }

    WireMockKong(WireMockConfiguration config) {
        server = new WireMockServer(config);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    AdminClient client() {
        return new AdminClient(AdminClientOptions.of(url()));
    }

    AdminClient client(AdminClientOptions.Builder builder) {
        return new AdminClient(builder.build());
    }

    AdminClientOptions.Builder options() {
        return AdminClientOptions.builder(url());
    }

    @Override
    public void close() {
        server.stop();
    }
}
