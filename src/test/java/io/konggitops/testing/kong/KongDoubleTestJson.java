package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON parsing for tests. */
final class KongDoubleTestJson {
    private KongDoubleTestJson() {
    }

    static JsonNode parse(String json) {
        try {
            return KongDouble.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
