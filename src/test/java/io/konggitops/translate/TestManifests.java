package io.konggitops.translate;

import io.konggitops.source.ManifestLoader;
import io.konggitops.source.Manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes YAML to {@code <dir>/in.yaml} and loads it the way the source stage does. */
public final class TestManifests {
    private TestManifests() {
    }

    public static Manifests load(Path dir, String yaml) {
        try {
            Files.writeString(dir.resolve("in.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Manifests m = ManifestLoader.loadDirectory(dir, "test");
        if (!m.problems().isEmpty()) throw new IllegalArgumentException("bad test YAML: " + m.problems());
        return m;
    }

    /** A throwaway test PEM from {@code src/test/resources/tls/}. */
    public static String pem(String name) {
        try (java.io.InputStream in = TestManifests.class.getResourceAsStream("/tls/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String ingress(String name, String annotations, String host, String service, String port) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: %s
                  namespace: shop
                  annotations:
                    x-placeholder: "1"
                %s
                spec:
                  ingressClassName: kong
                  rules:
                  - host: %s
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: %s
                            port:
                              %s
                """.formatted(name, annotations.isEmpty() ? "" : annotations.indent(4).stripTrailing(), host,
                service, port);
    }

    public static String service(String name, String annotations) {
        return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: %s
                  namespace: shop
                  annotations:
                    x-placeholder: "1"
                %s
                spec:
                  ports:
                  - name: http
                    port: 80
                """.formatted(name, annotations.isEmpty() ? "" : annotations.indent(4).stripTrailing());
    }
}
