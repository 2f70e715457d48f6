/**
 * The one Kong Admin API test double. {@link io.konggitops.testing.kong.KongDouble}: a stateful, in-process Kong 3.x
 * Admin API for tests, on a real HTTP server bound to 127.0.0.1, written from Kong's source (entity schemas in
 * {@code kong/db/schema/entities}, {@code kong/db/errors.lua}, {@code kong/api/endpoints.lua}, the DAOs and the
 * postgres strategy), never from this project's own schemas, defaults or validator: it carries its own entity and
 * plugin schemas, so it needs nothing beside the clone. It answers as Kong does: defaults filled and unset fields
 * answered as explicit {@code null}, PUT = full replace/upsert, PATCH = recursive record merge, DELETE 204 when
 * absent, restrict/cascade deletes, Kong-shaped error bodies, pagination with offset tokens and {@code next}, tag
 * filters, certificates with transient {@code snis} (and the PUT-wipes-SNIs pitfall), targets with port
 * normalisation, DB-less mode (405 on writes, {@code POST /config}) and {@code /schemas}. Unique and foreign keys
 * are indexed, so a write does not scan the table.
 *
 * <p>Test controls (not Kong behaviour): {@code failOn} (status + {@code Retry-After}, N times or always; status 0
 * drops the connection), {@code holdFirstWrites}/{@code maxConcurrentWrites}, {@code lying} (writes acknowledged, not
 * kept), {@code serveSchema}, a fixed or per-request latency, {@code stats()}/{@code writes()}/{@code postedConfigs()}.
 * {@link io.konggitops.testing.kong.DoubleAdmin} pairs a double with the project's real {@code AdminClient}.
 *
 * <pre>
 * try (KongDouble kong = KongDouble.builder().dbless().routerFlavor("expressions").build().start()) {
 *     kong.seed("services", "{\"name\":\"svc1\",\"host\":\"example.com\"}");
 *     kong.failOn("PUT", "/services/", 503, 2, null);
 *     myClient(kong.baseUrl());
 *     assertThat(kong.stats().count("PUT", "/services")).isEqualTo(1);
 *     assertThat(kong.store().all("routes")).hasSize(2);
 * }
 * </pre>
 */
package io.konggitops.testing.kong;
