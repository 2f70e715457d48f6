package io.konggitops.kong;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminClientOptionsTest {
    @Test
    void defaultsVerifyTlsUseTheKongAdminTokenHeaderAndPoolForParallelWrites() {
        AdminClientOptions o = AdminClientOptions.of("https://kong-admin:8444");
        assertThat(o.https()).isTrue();
        assertThat(o.tlsSkipVerify()).isFalse();
        assertThat(o.caCert()).isNull();
        assertThat(o.tokenHeader()).isEqualTo("Kong-Admin-Token");
        assertThat(o.maxConnectionsPerRoute()).isEqualTo(20);
        assertThat(o.readParallelism()).isEqualTo(10);
        assertThat(o.poolSizePerRoute()).isEqualTo(20);
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.responseTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.workspace()).isNull();
    }

    @Test
    void toStringNeverShowsTheTokenHeaderValuesOrTheKeyPath() {
        AdminClientOptions o = AdminClientOptions.builder("http://kong:8001").adminToken("tok-SECRET-1")
                .headers(List.of("Authorization: Bearer SECRET-2")).workspace("ws")
                .clientCertificate(Path.of("/etc/kong/client.pem"), Path.of("/etc/kong/client-SECRET.key")).build();
        assertThat(o.toString()).doesNotContain("SECRET").contains("adminToken=(set)").contains("[Authorization]")
                .contains("workspace=ws");
    }

    @Test
    void headerFlagsSplitAtTheFirstColon() {
        assertThat(AdminClientOptions.parseHeaders(List.of("X-A: 1", "X-B:http://x:1")))
                .containsEntry("X-A", "1").containsEntry("X-B", "http://x:1");
        assertThatThrownBy(() -> AdminClientOptions.parseHeaders(List.of("no-colon-secret")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("no-colon-secret");
    }

    @Test
    void onlyHttpAndHttpsUrlsAreAccepted() {
        assertThatThrownBy(() -> AdminClientOptions.of("ftp://kong:21")).hasMessageContaining("http://host");
        assertThatThrownBy(() -> AdminClientOptions.of("kong:8001")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClientCertificateNeedsItsKey() {
        assertThatThrownBy(() -> new AdminClientOptions(java.net.URI.create("https://k:8444"), null,
                Path.of("c.pem"), null, false, null, null, null, null, null, null, 0))
                .hasMessageContaining("needs its key");
    }

    @Test
    void thePoolKeepsAConnectionForEveryReadInFlight() {
        AdminClientOptions o = AdminClientOptions.builder("http://kong:8001").readParallelism(50).build();
        assertThat(o.readParallelism()).isEqualTo(50);
        assertThat(o.poolSizePerRoute()).isEqualTo(50);
        assertThat(o.toString()).contains("readParallelism=50");
        assertThatThrownBy(() -> AdminClientOptions.builder("http://kong:8001").readParallelism(-1).build())
                .hasMessageContaining("at least 1");
    }
}
