/**
 * The one Kong Admin API test double. {@link io.konggitops.testing.kong.KongDouble}: a stateful, in-process Kong 3.x
 * Admin API for tests, on a real HTTP server bound to 127.0.0.1, written from Kong's source (entity schemas in
 * {@code kong/db/schema/entities}, {@code kong/db/errors.lua}, {@code kong/api/endpoints.lua}, the DAOs and the
 * postgres strategy), never from this project's own schemas, defaults or validator: it carries its own entity and
 * plugin schemas, so it needs nothing beside the clone. It answers as Kong does: defaults filled and unset fields
 * answered as explicit {@code null}, PUT = full replace/upsert, PATCH = recursive record merge, DELETE 204 when
 * absent, restrict/cascade deletes, Kong-shaped error bodies, pagination with offset tokens and {@code next}, tag
 * filters (ignored, as by the postgres strategy, on nested listings such as {@code /upstreams/{u}/targets}),
 * certificates with transient {@code snis} (and the PUT-wipes-SNIs pitfall), targets with port normalisation and a
 * merging {@code PUT /upstreams/{u}/targets/{t}}, an insert of an existing id as 400 primary key violation, DB-less
 * mode (405 on writes, {@code POST /config}) and {@code /schemas} in {@code schema_to_jsonable} shape. Kong's
 * validation rules ({@link io.konggitops.testing.kong.KongRules}, {@link io.konggitops.testing.kong.RouteRules},
 * {@link io.konggitops.testing.kong.HostRules}: names, tags, hosts, paths, regexes and the ATC check under
 * {@code traditional_compatible}/{@code expressions}, protocols, upstream hashing, targets, PEM certificates and
 * keys, CA certificates, rate-limiting) answer Kong's 400 code-2 bodies. Unique and foreign keys are indexed, so a
 * write does not scan the table.
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
