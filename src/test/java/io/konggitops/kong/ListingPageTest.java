package io.konggitops.kong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A listing page read from the stream is the page a parsed body gives, and a page Kong would not send is refused. */
class ListingPageTest {
    private final WireMockKong kong = new WireMockKong();

    @AfterEach
    void stop() {
        kong.close();
    }

    @Test
    void entitiesReadFromTheStreamEqualThoseOfTheParsedBody() throws IOException {
        String body = """
                {"next":"/routes?offset=x","data":[{"id":"r1","paths":["/a"],"regex_priority":0,"created_at":1700000000,
                 "weight":1.0,"ratio":0.25,"big":9007199254740993,"service":{"id":"s1"},"headers":{"x":["1"]},
                 "tags":null,"sources":[]}, 7, null, {"id":"r2"}],"offset":"x","extra":{"a":[1,2]}}""";
        ListingPage page = ListingPage.read(stream(body), EntityType.ROUTE);

        Map<String, Object> parsed = new ObjectMapper().readValue(body, new TypeReference<>() { });
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) ((List<?>) parsed.get("data")).get(0);
        assertThat(page.data()).as("elements that are not objects are skipped").hasSize(2);
        assertThat(page.data().get(0)).isEqualTo(new KongEntity(EntityType.ROUTE, first, null, null));
        assertThat(page.data().get(0).get("weight")).isEqualTo(1L);
        assertThat(page.data().get(0).get("ratio")).isEqualTo(0.25);
        assertThat(page.shape()).isEqualTo(ListingPage.Shape.LIST);
        assertThat(page.offset()).isEqualTo("x");
        assertThat(page.next()).isEqualTo("/routes?offset=x");
    }

    @Test
    void aNumericOffsetReadsAsItsIntegralTextAndAnEmptyOneAsNone() throws IOException {
        assertThat(ListingPage.read(stream("{\"data\":[],\"offset\":1000}"), EntityType.TARGET).offset())
                .isEqualTo("1000");
        assertThat(ListingPage.read(stream("{\"data\":null,\"offset\":\"\"}"), EntityType.TARGET))
                .satisfies(p -> {
                    assertThat(p.offset()).isNull();
                    assertThat(p.shape()).isEqualTo(ListingPage.Shape.NULL);
                });
        assertThat(ListingPage.read(stream(""), EntityType.SERVICE).shape()).isEqualTo(ListingPage.Shape.MISSING);
        assertThat(ListingPage.read(stream("{\"data\":{}}"), EntityType.SERVICE).shape())
                .isEqualTo(ListingPage.Shape.NOT_A_LIST);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsAParseError() {
        for (String body : List.of("[1,2]", "{\"data\":[{\"id\":", "<html>proxy</html>")) {
            assertThatThrownBy(() -> ListingPage.read(stream(body), EntityType.SERVICE)).as(body)
                    .isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void theClientReportsPagesKongWouldNotSendAsBefore() {
        kong.server.stubFor(get(urlPathEqualTo("/services")).willReturn(okJson("{\"data\":{\"id\":\"s1\"}}")));
        kong.server.stubFor(get(urlPathEqualTo("/routes")).willReturn(okJson("{\"total\":0}")));
        kong.server.stubFor(get(urlPathEqualTo("/upstreams")).willReturn(aResponse().withStatus(200)
                .withBody("<html>a proxy</html>")));
        try (AdminClient client = kong.client()) {
            assertThatThrownBy(() -> client.read(Set.of(EntityType.SERVICE), List.of()))
                    .isInstanceOf(KongApiException.class).hasMessageContaining("its 'data' is not a list");
            assertThatThrownBy(() -> client.read(Set.of(EntityType.ROUTE), List.of()))
                    .isInstanceOf(KongApiException.class).hasMessageContaining("it has no 'data' list");
            assertThatThrownBy(() -> client.read(Set.of(EntityType.UPSTREAM), List.of()))
                    .isInstanceOf(KongApiException.class)
                    .hasMessageContaining("GET /upstreams?size=1000 answered HTTP 200 with a body that is not a JSON"
                            + " object; is " + kong.url() + " the Kong Admin API?");
        }
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
