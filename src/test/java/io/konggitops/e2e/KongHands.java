package io.konggitops.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

/** What a person does by hand: edit an entity through Kong's Admin API (a PATCH, as with curl), read a sample. */
final class KongHands {
    private KongHands() {
    }

    static void patch(E2eFixture f, String collection, String id, String json) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(f.kong.baseUrl() + "/" + collection + "/" + id))
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new AssertionError("PATCH " + collection + "/" + id + ": " + r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The id of the one service whose name starts with {@code prefix}. */
    static String serviceId(E2eFixture f, String prefix) {
        return f.all("services").stream().filter(s -> s.path("name").asText().startsWith(prefix))
                .map(s -> s.path("id").asText()).reduce((a, b) -> {
                    throw new AssertionError("two services named " + prefix + "*");
                }).orElseThrow(() -> new AssertionError("no service named " + prefix + "*: " + f.all("services")));
    }

    static ObjectNode service(E2eFixture f, String prefix) {
        return f.kong.store().get("services", serviceId(f, prefix));
    }

    static String readSample(String path) {
        try {
            return Files.readString(E2eFixture.SAMPLES.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
