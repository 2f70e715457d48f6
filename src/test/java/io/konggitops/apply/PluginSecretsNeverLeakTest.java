package io.konggitops.apply;

import io.konggitops.diff.Differ;
import io.konggitops.diff.Plan;
import io.konggitops.diff.Schemas;
import io.konggitops.kong.AdminClient;
import io.konggitops.kong.AdminClientOptions;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.kong.RouterFlavor;
import io.konggitops.kong.deck.DeckWriter;
import io.konggitops.report.Reports;
import io.konggitops.report.RunReport;
import io.konggitops.testing.kong.KongDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static io.konggitops.diff.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planted secrets (a credential key, a plugin config field the schema marks encrypted, a config value that came from
 * a Secret through configFrom) never appear in the diff and reconcile reports (text, Markdown, JSON) nor in render.
 */
class PluginSecretsNeverLeakTest {
    private static final String S1 = "11111111-0000-4000-8000-000000000001";
    private static final String R1 = "22222222-0000-4000-8000-000000000001";
    private static final String C1 = "33333333-0000-4000-8000-000000000001";
    private static final String P1 = "44444444-0000-4000-8000-000000000001";
    private static final String P2 = "44444444-0000-4000-8000-000000000002";
    private static final String P3 = "44444444-0000-4000-8000-000000000003";
    private KongDouble kong;
    private AdminClient client;

    @BeforeEach
    void start() throws Exception {
        kong = KongDouble.builder().build().start();
        client = new AdminClient(AdminClientOptions.of(kong.baseUrl()));
    }

    @AfterEach
    void stop() {
        client.close();
        kong.close();
    }

    private static KongState desired(String v) {
        KongEntity credential = entity(EntityType.KEY_AUTH, "key", "planted-credential-" + v,
                "consumer", Map.of("id", C1));
        KongEntity redis = routePlugin(P1, "rate-limiting", R1, Map.of("minute", 5, "redis",
                Map.of("password", "planted-redis-" + v)));
        // configFrom: the translator marks the paths whose values came from the Secret
        KongEntity fromSecret = routePlugin(P2, "request-transformer", R1, Map.of("add",
                Map.of("headers", List.of("x-upstream-auth:planted-configfrom-" + v))))
                .withSecretPaths(List.of("config.add.headers"));
        KongEntity preFunction = routePlugin(P3, "pre-function", R1, Map.of("access", List.of("return")));
        return state(service(S1, "svc"), route(R1, "web", S1, "/"), consumer(C1, "alice"), credential, redis,
                fromSecret, preFunction);
    }

    private Plan plan(KongState desired) {
        KongState live = client.read(EnumSet.allOf(EntityType.class), List.of(TAG));
        return Differ.diff(desired, live, Schemas.fetchFor(client, desired, live, RouterFlavor.TRADITIONAL_COMPATIBLE),
                OPTIONS);
    }

    private static List<String> reports(RunReport r) {
        List<String> out = new ArrayList<>();
        for (Reports.Format f : Reports.Format.values()) out.add(Reports.render(r, f));
        return out;
    }

    @Test
    void plantedSecretsAppearInNoReportFormatAndNotInRender() {
        Applier.apply(plan(desired("one")), client, Kong.options(new Kong.RecordingSleeper()));
        KongState second = desired("two");
        Plan plan = plan(second);
        RunReport.KongInfo info = new RunReport.KongInfo(kong.baseUrl(), "3.9.1", "postgres",
                "traditional_compatible");
        List<String> outputs = new ArrayList<>(reports(new RunReport("diff", "repo", "abc", info, List.of(), plan,
                null)));
        ApplyResult applied = Applier.apply(plan, client, Kong.options(new Kong.RecordingSleeper()));
        outputs.addAll(reports(new RunReport("reconcile", "repo", "abc", info, List.of(), plan, applied)));
        outputs.add(DeckWriter.write(second, DeckWriter.Format.YAML, false));
        outputs.add(DeckWriter.write(second, DeckWriter.Format.JSON, false));
        outputs.add(plan.toString());

        assertThat(outputs.get(0)).contains("(sensitive value changed)");
        for (String out : outputs) {
            for (String v : List.of("one", "two")) {
                assertThat(out).doesNotContain("planted-credential-" + v, "planted-redis-" + v,
                        "planted-configfrom-" + v);
            }
        }
        assertThat(applied.succeeded()).isTrue();
    }

    @Test
    void aPreFunctionChangeIsMarkedAsRunningCodeInEveryReportFormat() {
        Plan plan = plan(desired("one"));
        RunReport r = new RunReport("diff", "repo", "abc", new RunReport.KongInfo(kong.baseUrl(), "3.9.1",
                "postgres", "traditional_compatible"), List.of(), plan, null);

        assertThat(Reports.render(r, Reports.Format.TEXT)).contains("plugins pre-function on route web (runs code)");
        assertThat(Reports.render(r, Reports.Format.MARKDOWN)).contains("pre-function on route web (runs code)");
        assertThat(Reports.render(r, Reports.Format.JSON).replace(" ", "")).contains("\"code_executing\":true");
    }
}
