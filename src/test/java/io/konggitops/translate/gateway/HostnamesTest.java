package io.konggitops.translate.gateway;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostnamesTest {
    private static GatewayListener http(String hostname) {
        return new GatewayListener("ns", "gw", "l-" + hostname, "HTTP", 80, hostname, null, List.of());
    }

    @Test
    void aListenerWithoutHostnameKeepsTheRouteHostname() {
        assertThat(Hostnames.intersection(null, "a.example.com")).isEqualTo("a.example.com");
        assertThat(Hostnames.intersection(null, "*.example.com")).isEqualTo("*.example.com");
    }

    @Test
    void preciseHostnamesMustBeEqual() {
        assertThat(Hostnames.intersection("a.b.c", "a.b.c")).isEqualTo("a.b.c");
        assertThat(Hostnames.intersection("a.b.c", "x.b.c")).isNull();
    }

    @Test
    void aListenerWildcardCoversOneOrMoreLabelsOfTheRouteHostname() {
        assertThat(Hostnames.intersection("*.b.c", "x.b.c")).isEqualTo("x.b.c");
        assertThat(Hostnames.intersection("*.b.c", "x.y.b.c")).isEqualTo("x.y.b.c");
        assertThat(Hostnames.intersection("*.b.c", "b.c")).isNull();
    }

    @Test
    void aRouteWildcardNarrowsToThePreciseListenerHostname() {
        assertThat(Hostnames.intersection("x.b.c", "*.b.c")).isEqualTo("x.b.c");
        assertThat(Hostnames.intersection("very.specific.com", "*.specific.com")).isEqualTo("very.specific.com");
        assertThat(Hostnames.intersection("b.c", "*.b.c")).isNull();
    }

    @Test
    void twoWildcardsIntersectAsTheMoreSpecificOne() {
        assertThat(Hostnames.intersection("*.com", "*.example.com")).isEqualTo("*.example.com");
        assertThat(Hostnames.intersection("*.example.com", "*.com")).isEqualTo("*.example.com");
        assertThat(Hostnames.intersection("*.example.com", "*.example.com")).isEqualTo("*.example.com");
        assertThat(Hostnames.intersection("*.example.com", "*.example.net")).isNull();
    }

    @Test
    void unrelatedHostnamesDoNotIntersect() {
        assertThat(Hostnames.intersection("*.example.com", "example.com")).isNull();
        assertThat(Hostnames.intersection("*.example.com", "x.example.net")).isNull();
    }

    @Test
    void aRouteWithoutHostnamesTakesTheListenersHostnamesOrAnyHostWhenOneHasNone() {
        assertThat(Hostnames.narrow(List.of(), List.of(http("a.com"), http("*.b.com"))))
                .containsExactly("a.com", "*.b.com");
        assertThat(Hostnames.narrow(List.of(), List.of(http("a.com"), http(null)))).isEmpty();
    }

    @Test
    void routeHostnamesAreNarrowedPerListenerAndThoseMatchingNoListenerAreDropped() {
        assertThat(Hostnames.narrow(List.of("*.specific.com", "foo.nonmatching.io", "x.wild.io"),
                List.of(http("very.specific.com"), http("*.wild.io"))))
                .containsExactly("very.specific.com", "x.wild.io");
    }

    @Test
    void tcpListenersHaveNoHostnameToNarrowWith() {
        GatewayListener tcp = new GatewayListener("ns", "gw", "tcp", "TCP", 9000, null, null, List.of());
        assertThat(Hostnames.narrow(List.of("a.com"), List.of(tcp))).containsExactly("a.com");
    }
}
