package io.konggitops.testing.kong;

import static io.konggitops.testing.kong.AdminHttp.j;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KongDoubleListingTest extends DefaultDoubleTest {

    @Test
    void pagesOfOneHundredByDefaultLinkedByOffsetAndNext() {
        for (int i = 0; i < 250; i++) kong.seed("services", j("{'name':'s" + i + "','host':'h'}"));

        Set<String> seen = new HashSet<>();
        AdminHttp.Reply page = http.get("/services");
        int pages = 0;
        while (true) {
            pages++;
            page.at("/data").forEach(s -> seen.add(s.get("id").asText()));
            if (page.at("/next").isNull()) break;
            assertThat(page.at("/offset").isTextual()).isTrue();
            page = http.get(page.at("/next").asText());
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(250);
        assertThat(page.body().has("offset")).as("no offset on the last page").isFalse();
    }

    @Test
    void nextCarriesTagsAndSizeOnTopLevelCollections() {
        for (int i = 0; i < 3; i++) kong.seed("services", j("{'host':'h','tags':['team-a']}"));

        JsonNode first = http.get("/services?size=2&tags=team-a").body();

        assertThat(first.get("data").size()).isEqualTo(2);
        String next = first.get("next").asText();
        assertThat(next).startsWith("/services?offset=").endsWith("&tags=team-a&size=2");
        assertThat(http.get(next).at("/data").size()).isEqualTo(1);
    }

    @Test
    void nestedNextLinksDoNotCarryTagsOrSize() {
        String svc = kong.seed("services", j("{'name':'svc1','host':'h'}")).get("id").asText();
        for (int i = 0; i < 3; i++) http.post("/services/svc1/routes", j("{'paths':['/" + i + "'],'tags':['t']}"));

        JsonNode first = http.get("/services/svc1/routes?size=2&tags=t").body();

        assertThat(first.get("next").asText()).startsWith("/services/" + svc + "/routes?offset=").doesNotContain("size", "tags");
    }

    @Test
    void sizeOutsideOneToThousandIsRejected() {
        for (String size : new String[] {"0", "1001", "2.5"}) {
            AdminHttp.Reply r = http.get("/services?size=" + size);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.at("/message").asText()).isEqualTo("size must be an integer between 1 and 1000");
        }
        assertThat(http.get("/services?size=abc").at("/message").asText()).isEqualTo("size must be a number");
        assertThat(http.get("/services?size=1000").status()).isEqualTo(200);
    }

    @Test
    void invalidOffsetIsRejectedWithCodeSeven() {
        AdminHttp.Reply r = http.get("/services?offset=%25%25%25");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.at("/code").asInt()).isEqualTo(7);
        assertThat(r.at("/name").asText()).isEqualTo("invalid offset");
    }

    @Test
    void commaTagsMeanAndSlashTagsMeanOr() {
        kong.seed("services", j("{'name':'ab','host':'h','tags':['a','b']}"));
        kong.seed("services", j("{'name':'a','host':'h','tags':['a']}"));
        kong.seed("services", j("{'name':'c','host':'h','tags':['c']}"));

        assertThat(names(http.get("/services?tags=a,b").body())).containsExactlyInAnyOrder("ab");
        assertThat(names(http.get("/services?tags=a%2Cb").body())).containsExactlyInAnyOrder("ab");
        assertThat(names(http.get("/services?tags=a/c").body())).containsExactlyInAnyOrder("ab", "a", "c");
        assertThat(names(http.get("/services?tags=a").body())).containsExactlyInAnyOrder("ab", "a");
    }

    @Test
    void tagQueriesAreLimitedToFiveAndCannotMixOperators() {
        AdminHttp.Reply six = http.get("/services?tags=a,b,c,d,e,f");
        AdminHttp.Reply mixed = http.get("/services?tags=a,b/c");

        assertThat(six.status()).isEqualTo(400);
        assertThat(six.at("/code").asInt()).isEqualTo(11);
        assertThat(six.at("/options/tags").asText()).isEqualTo("cannot query more than 5 tags");
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.at("/options/tags").asText()).isEqualTo("invalid filter syntax");
        assertThat(http.get("/services?tags=a,b,c,d,e").status()).isEqualTo(200);
    }

    @Test
    void targetListsUseNumericOffsets() {
        String up = kong.seed("upstreams", j("{'name':'up1'}")).get("id").asText();
        for (int i = 1; i <= 3; i++) http.post("/upstreams/up1/targets", j("{'target':'10.0.0." + i + "'}"));

        JsonNode first = http.get("/upstreams/up1/targets?size=2").body();

        assertThat(first.get("offset").asText()).isEqualTo("2");
        assertThat(first.get("next").asText()).isEqualTo("/upstreams/" + up + "/targets?offset=2");
        JsonNode second = http.get("/upstreams/up1/targets?size=2&offset=2").body();
        Set<String> all = new HashSet<>();
        first.get("data").forEach(t -> all.add(t.get("target").asText()));
        second.get("data").forEach(t -> all.add(t.get("target").asText()));
        assertThat(second.get("data").size()).isEqualTo(1);
        assertThat(all).containsExactlyInAnyOrder("10.0.0.1:8000", "10.0.0.2:8000", "10.0.0.3:8000");
    }

    @Test
    void targetListsComeNewestFirstAndKeepTargetsOfWeightZero() {
        // kong/db/dao/targets.lua page_for_upstream: every target sorted by (created_at, id), read from the end
        kong.seed("upstreams", j("{'name':'up1'}"));
        for (int i = 1; i <= 6; i++) {
            http.post("/upstreams/up1/targets", j("{'target':'10.0.0." + i + "','weight':" + (i % 2 == 0 ? 0 : 10) + "}"));
        }

        JsonNode page = http.get("/upstreams/up1/targets").body();

        java.util.List<JsonNode> listed = new java.util.ArrayList<>();
        page.get("data").forEach(listed::add);
        java.util.List<JsonNode> newestFirst = new java.util.ArrayList<>(listed);
        newestFirst.sort(java.util.Comparator.comparingDouble((JsonNode t) -> t.get("created_at").asDouble())
                .thenComparing(t -> t.get("id").asText()).reversed());
        assertThat(listed).hasSize(6).isEqualTo(newestFirst);
        assertThat(listed.stream().filter(t -> t.get("weight").asInt() == 0)).hasSize(3);
    }

    private static Set<String> names(JsonNode page) {
        Set<String> out = new HashSet<>();
        page.get("data").forEach(s -> out.add(s.get("name").asText()));
        return out;
    }
}
