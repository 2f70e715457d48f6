package io.konggitops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konggitops.testing.kong.RequestStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9's acceptance, end to end through the CLI into the Kong double: KongPlugins on a Service, a KongConsumer and
 * an Ingress (one with {@code configFrom}), a global KongClusterPlugin, a KongUpstreamPolicy with active and passive
 * health checks, KongConsumers with key-auth and acl credentials. IDs are checked against go-kong's {@code FillID}
 * computed here, independently of the main code (uuid5 written below).
 */
class KongCrdsE2eTest {
    static final String ALICE_KEY = "alice-e2e-planted-key-4b1d";
    static final String BOB_KEY = "bob-e2e-planted-key-9c07";
    static final String UPSTREAM_TOKEN = "upstream-token-planted-e2e-31aa";
    static final String SERVICE = "shop.web.80";

    @TempDir
    Path tmp;
    private E2eFixture f;

    @BeforeEach
    void repository() {
        f = new E2eFixture(tmp);
        f.repo.write("shop/web.yaml", WEB);
        f.repo.write("shop/plugins.yaml", rateLimiting(5) + INGRESS_PLUGINS);
        f.repo.write("shop/policy.yaml", POLICY);
        f.repo.write("global/correlation-id.yaml", GLOBAL);
        f.repo.write("consumers/alice.yaml", consumer("alice", "konghq.com/plugins: rl", "alice-key", "alice-acl")
                + secret("alice-key", "key-auth", "key", ALICE_KEY) + secret("alice-acl", "acl", "group", "admins"));
        f.repo.write("consumers/bob.yaml", consumer("bob", "", "bob-key", "bob-acl")
                + secret("bob-key", "key-auth", "key", BOB_KEY) + secret("bob-acl", "acl", "group", "readers"));
        f.repo.commit("plugins, an upstream policy and two consumers");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void theFirstReconcileCreatesEveryEntityWithItsParentsAndGoKongIds() {
        E2eFixture.Run run = f.reconcile();

        assertThat(run.exit()).as(run.toString()).isZero();
        String serviceId = fillId("services", SERVICE);
        ObjectNode service = only("services", "name", SERVICE);
        assertThat(service.path("id").asText()).isEqualTo(serviceId);
        ObjectNode route = f.all("routes").get(0);
        assertThat(f.all("routes")).hasSize(1);
        String routeName = route.path("name").asText();
        assertThat(route.path("id").asText()).isEqualTo(fillId("routes", routeName));
        String alice = fillId("consumers", "alice");
        assertThat(only("consumers", "username", "alice").path("id").asText()).isEqualTo(alice);
        String bob = fillId("consumers", "bob");
        assertThat(only("consumers", "username", "bob").path("id").asText()).isEqualTo(bob);

        assertThat(f.names("plugins", "name"))
                .containsExactly("correlation-id", "cors", "rate-limiting", "request-transformer");
        ObjectNode rl = only("plugins", "name", "rate-limiting");
        assertThat(rl.path("id").asText()).as("consumer × service: one plugin")
                .isEqualTo(fillId("plugins", "rate-limiting:service/" + SERVICE + ":consumer/alice"));
        assertThat(rl.path("service").path("id").asText()).isEqualTo(serviceId);
        assertThat(rl.path("consumer").path("id").asText()).isEqualTo(alice);
        assertThat(rl.path("route").isNull()).isTrue();
        assertThat(rl.path("config").path("minute").asInt()).isEqualTo(5);
        for (String name : List.of("cors", "request-transformer")) {
            ObjectNode p = only("plugins", "name", name);
            assertThat(p.path("id").asText()).isEqualTo(fillId("plugins", name + ":route/" + routeName));
            assertThat(p.path("route").path("id").asText()).isEqualTo(route.path("id").asText());
            assertThat(p.path("service").isNull()).isTrue();
        }
        assertThat(only("plugins", "name", "request-transformer").path("config").path("add").path("headers")
                .toString()).as("configFrom's Secret reached Kong").contains("x-upstream-token:" + UPSTREAM_TOKEN);
        ObjectNode global = only("plugins", "name", "correlation-id");
        assertThat(global.path("id").asText()).isEqualTo(fillId("plugins", "correlation-id"));
        assertThat(List.of("service", "route", "consumer")).allSatisfy(k -> assertThat(global.path(k).isNull())
                .as(k).isTrue());
        assertThat(global.path("config").path("header_name").asText()).isEqualTo("X-Request-ID");

        JsonNode checks = f.all("upstreams").get(0).path("healthchecks");
        assertThat(f.all("upstreams").get(0).path("algorithm").asText()).isEqualTo("least-connections");
        assertThat(checks.path("active").path("http_path").asText()).isEqualTo("/healthz");
        assertThat(checks.path("active").path("healthy").path("interval").asInt()).isEqualTo(5);
        assertThat(checks.path("active").path("unhealthy").path("http_failures").asInt()).isEqualTo(3);
        assertThat(checks.path("passive").path("unhealthy").path("http_failures").asInt()).isEqualTo(5);
        assertThat(checks.path("passive").path("healthy").path("successes").asInt()).isEqualTo(4);

        assertThat(f.names("keyauth_credentials", "key")).containsExactly(ALICE_KEY, BOB_KEY);
        assertThat(f.all("keyauth_credentials")).extracting(k -> k.path("consumer").path("id").asText())
                .containsExactlyInAnyOrder(alice, bob);
        assertThat(f.all("acls")).extracting(a -> a.path("consumer").path("id").asText() + "/" + a.path("group")
                .asText()).containsExactlyInAnyOrder(alice + "/admins", bob + "/readers");
        assertThat(run.all()).doesNotContain(ALICE_KEY, BOB_KEY, UPSTREAM_TOKEN);
    }

    @Test
    void aSecondRunMakesNoWrites() {
        assertThat(f.reconcile().exit()).isZero();
        int before = f.kong.stats().writes();

        E2eFixture.Run again = f.reconcile();
        E2eFixture.Run diff = f.diff();

        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(f.kong.stats().writes() - before).as(again.toString()).isZero();
        assertThat(diff.exit()).as(diff.toString()).isZero();
    }

    @Test
    void editingAPluginConfigInGitIsOneWriteToThatPlugin() {
        assertThat(f.reconcile().exit()).isZero();
        int before = f.kong.stats().log().size();
        f.repo.write("shop/plugins.yaml", rateLimiting(10) + INGRESS_PLUGINS);
        f.repo.commit("raise the rate limit");

        E2eFixture.Run run = f.reconcile();

        assertThat(run.exit()).as(run.toString()).isZero();
        String rlId = fillId("plugins", "rate-limiting:service/" + SERVICE + ":consumer/alice");
        List<RequestStats.Request> writes = f.kong.stats().log().subList(before, f.kong.stats().log().size())
                .stream().filter(RequestStats.Request::isWrite).toList();
        assertThat(writes).as(run.toString()).singleElement()
                .satisfies(w -> assertThat(w.path()).isEqualTo("/plugins/" + rlId));
        assertThat(only("plugins", "name", "rate-limiting").path("config").path("minute").asInt()).isEqualTo(10);
    }

    @Test
    void aCredentialEditedByHandIsDriftInEveryReportWithoutAnyValue() throws Exception {
        assertThat(f.reconcile().exit()).isZero();
        ObjectNode key = f.all("keyauth_credentials").stream()
                .filter(k -> k.path("key").asText().equals(ALICE_KEY)).findFirst().orElseThrow();
        String handKey = "hand-typed-key-e2e-77d2";
        assertThat(AdminCalls.send(f.kong.baseUrl(), "PATCH", "/key-auths/" + key.path("id").asText(),
                "{\"key\": \"" + handKey + "\"}")).startsWith("200");

        List<String> outputs = new ArrayList<>();
        for (String format : List.of("text", "json", "markdown")) {
            Path file = tmp.resolve("diff." + format);
            E2eFixture.Run diff = f.diff("--report", format, "--report-file", file.toString());
            assertThat(diff.exit()).as(diff.toString()).isEqualTo(2);
            outputs.add(diff.all());
            outputs.add(Files.readString(file, StandardCharsets.UTF_8));
        }

        assertThat(outputs.get(0)).contains("keyauth_credentials of consumer alice", "sensitive value changed");
        assertThat(outputs).allSatisfy(o -> assertThat(o)
                .doesNotContain(handKey, ALICE_KEY, BOB_KEY, UPSTREAM_TOKEN));
    }

    @Test
    void removingAConsumerFromGitDeletesItAndItsCredentials() {
        assertThat(f.reconcile().exit()).isZero();
        f.repo.delete("consumers/bob.yaml");
        f.repo.commit("bob leaves");

        E2eFixture.Run run = f.reconcile();

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(f.names("consumers", "username")).containsExactly("alice");
        assertThat(f.names("keyauth_credentials", "key")).containsExactly(ALICE_KEY);
        assertThat(f.names("acls", "group")).containsExactly("admins");
        assertThat(f.names("plugins", "name")).as("alice's plugin stays")
                .containsExactly("correlation-id", "cors", "rate-limiting", "request-transformer");
    }

    @Test
    void theUuid5HereReproducesTheIdsDocumentedForKic() {
        assertThat(fillId("services", "foo-namespace.foo-svc.80")).isEqualTo("fe1e2edc-5479-52fe-b0f4-b90d8d5f83ba");
        assertThat(fillId("plugins", "correlation-id:route/default.httpbin.httpbin..80"))
                .isEqualTo("61a22b86-f859-5c8a-a23c-97b92b14b635");
    }

    private ObjectNode only(String entity, String field, String value) {
        List<ObjectNode> found = f.all(entity).stream().filter(n -> n.path(field).asText().equals(value)).toList();
        assertThat(found).as(entity + " " + field + "=" + value).hasSize(1);
        return found.get(0);
    }

    /** go-kong's FillID (kong/ids.go) for the default workspace: uuid5(uuid5(NS, collection), key). */
    static String fillId(String collection, String key) {
        UUID ns = UUID.fromString("fd02801f-0957-4a15-a55a-c8d9606f30b5");
        return uuid5(uuid5(ns, collection), key).toString();
    }

    /** RFC 4122 name-based UUID, version 5 (SHA-1). */
    static UUID uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] nsBytes = new byte[16];
            for (int i = 0; i < 8; i++) {
                nsBytes[i] = (byte) (namespace.getMostSignificantBits() >>> (56 - 8 * i));
                nsBytes[8 + i] = (byte) (namespace.getLeastSignificantBits() >>> (56 - 8 * i));
            }
            sha1.update(nsBytes);
            byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x50);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) msb = (msb << 8) | (h[i] & 0xff);
            for (int i = 8; i < 16; i++) lsb = (lsb << 8) | (h[i] & 0xff);
            return new UUID(msb, lsb);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String WEB = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: shop
              annotations: {konghq.com/plugins: rl, konghq.com/upstream-policy: checked}
            spec:
              ports: [{port: 80, targetPort: 8080}]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: web-1
              namespace: shop
              labels: {kubernetes.io/service-name: web}
            addressType: IPv4
            ports: [{port: 8080, protocol: TCP}]
            endpoints:
            - addresses: ["10.0.0.7"]
              conditions: {ready: true}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
              namespace: shop
              annotations: {konghq.com/plugins: "cors,upstream-token"}
            spec:
              ingressClassName: kong
              rules:
              - host: shop.example.com
                http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: web, port: {number: 80}}}
            """;

    private static String rateLimiting(int minute) {
        return """
                apiVersion: configuration.konghq.com/v1
                kind: KongPlugin
                metadata: {name: rl, namespace: shop}
                plugin: rate-limiting
                config: {minute: %d, policy: local}
                ---
                """.formatted(minute);
    }

    private static final String INGRESS_PLUGINS = """
            apiVersion: configuration.konghq.com/v1
            kind: KongPlugin
            metadata: {name: cors, namespace: shop}
            plugin: cors
            config:
              origins: ["https://shop.example.com"]
              methods: [GET, POST]
            ---
            apiVersion: configuration.konghq.com/v1
            kind: KongPlugin
            metadata: {name: upstream-token, namespace: shop}
            plugin: request-transformer
            configFrom:
              secretKeyRef: {name: upstream-token-config, key: config}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: upstream-token-config, namespace: shop}
            stringData:
              config: |
                add:
                  headers: ["x-upstream-token:%s"]
            """.formatted(UPSTREAM_TOKEN);

    private static final String POLICY = """
            apiVersion: configuration.konghq.com/v1beta1
            kind: KongUpstreamPolicy
            metadata: {name: checked, namespace: shop}
            spec:
              algorithm: least-connections
              healthchecks:
                active:
                  type: http
                  httpPath: /healthz
                  healthy: {interval: 5, successes: 2, httpStatuses: [200, 302]}
                  unhealthy: {interval: 5, httpFailures: 3, timeouts: 2}
                passive:
                  type: http
                  healthy: {successes: 4}
                  unhealthy: {httpFailures: 5, timeouts: 3}
            """;

    private static final String GLOBAL = """
            apiVersion: configuration.konghq.com/v1
            kind: KongClusterPlugin
            metadata:
              name: request-ids
              labels: {global: "true"}
              annotations: {kubernetes.io/ingress.class: kong}
            plugin: correlation-id
            config: {header_name: X-Request-ID, generator: uuid, echo_downstream: true}
            """;

    private static String consumer(String name, String annotation, String... credentials) {
        return """
                apiVersion: configuration.konghq.com/v1
                kind: KongConsumer
                metadata:
                  name: %1$s
                  namespace: shop
                  annotations: {kubernetes.io/ingress.class: kong%3$s}
                username: %1$s
                credentials: [%2$s]
                """.formatted(name, String.join(", ", credentials), annotation.isEmpty() ? "" : ", " + annotation);
    }

    private static String secret(String name, String type, String key, String value) {
        return """
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: %s
                  namespace: shop
                  labels: {konghq.com/credential: %s}
                data:
                  %s: %s
                """.formatted(name, type, key,
                Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }
}
