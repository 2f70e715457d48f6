package io.konggitops.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.konggitops.testing.kong.KongDouble;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret value reaches any output: the samples' TLS private key and the Kong admin token are looked for in stdout,
 * stderr, the report files of all three formats and the log (the production logback configuration at DEBUG).
 */
class SecretMaskingE2eTest {
    static final String TOKEN = "planted-admin-token-5e0c9a7d41";

    @TempDir
    Path tmp;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<String> outputs = new ArrayList<>();

    @BeforeEach
    void productionLoggingAtDebug() throws Exception {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        ctx.putProperty("KONG_GITOPS_LOG_LEVEL", "DEBUG");
        JoranConfigurator config = new JoranConfigurator();
        config.setContext(ctx);
        config.doConfigure(Path.of("src/main/resources/logback.xml").toFile());
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
        root.detachAndStopAllAppenders(); // keep the build output readable; the list sees every event
        logs.setContext(ctx);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void testLogging() throws Exception {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        new ContextInitializer(ctx).autoConfig();
    }

    @Test
    void neitherTheTlsKeyNorTheAdminTokenAppearInAnyOutputReportOrLog() throws Exception {
        List<String> secrets = new ArrayList<>(keyMarkers(Files.readString(
                E2eFixture.SAMPLES.resolve("shop/secret-shop-tls.yaml"))));
        secrets.add(TOKEN);
        try (E2eFixture f = new E2eFixture(tmp, KongDouble.builder().adminToken(TOKEN)).copySamples("shop")) {
            f.repo.commit("shop");
            f.env.put("KONG_GITOPS_KONG_ADMIN_TOKEN", TOKEN);

            capture(f, f.cli("render"), 0);
            capture(f, f.cli("render", "--format", "json"), 0);
            capture(f, f.cli("validate"), 0);
            for (String format : List.of("text", "markdown", "json")) {
                capture(f, f.diff("--report", format, "--report-file", report(format, "diff-1")), 2);
            }
            capture(f, f.reconcile("--report", "json", "--report-file", report("json", "reconcile-1")), 0);

            // a new certificate and key: the key change is shown masked
            String secret = newSecret(secrets);
            f.repo.write("shop/secret-shop-tls.yaml", secret);
            f.repo.commit("rotate the certificate");
            for (String format : List.of("text", "markdown", "json")) {
                E2eFixture.Run diff = capture(f, f.diff("--report", format, "--report-file",
                        report(format, "diff-2")), 2);
                if (!format.equals("json")) assertThat(diff.out()).contains("(sensitive value changed)");
                else assertThat(sensitiveKeyField(diff.json())).isTrue();
            }
            E2eFixture.Run rotated = capture(f, f.reconcile("--report", "markdown", "--report-file",
                    report("markdown", "reconcile-2")), 0);
            assertThat(rotated.out()).contains("(sensitive value changed)");
            capture(f, f.reconcile("--report", "text", "--report-file", report("text", "reconcile-3")), 0);

            // a failing certificate write: the error must not echo the key either
            f.repo.write("shop/secret-shop-tls.yaml", Files.readString(
                    E2eFixture.SAMPLES.resolve("shop/secret-shop-tls.yaml")));
            f.repo.commit("back to the sample certificate");
            f.kong.failNthWrite(1, 400);
            capture(f, f.reconcile("--report", "json", "--report-file", report("json", "reconcile-4")), 1);

            try (var files = Files.list(tmp.resolve("reports"))) {
                for (Path p : files.toList()) outputs.add(p.getFileName() + ":\n" + Files.readString(p));
            }
        }
        assertThat(outputs).hasSizeGreaterThanOrEqualTo(25);
        assertThat(logs.list).as("the DEBUG log saw the runs").isNotEmpty();
        for (ILoggingEvent e : logs.list) {
            outputs.add("log " + e.getLoggerName() + ": " + e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()));
        }
        for (String out : outputs) {
            for (String s : secrets) {
                assertThat(out).as("a secret leaked in: %s", out.length() > 300 ? out.substring(0, 300) : out)
                        .doesNotContain(s);
            }
        }
    }

    private E2eFixture.Run capture(E2eFixture f, E2eFixture.Run run, int exit) {
        assertThat(run.exit()).as(run.toString()).isEqualTo(exit);
        outputs.add(run.out());
        outputs.add(run.err());
        return run;
    }

    private String report(String format, String name) {
        return tmp.resolve("reports").resolve(name + "." + format).toString();
    }

    private static boolean sensitiveKeyField(JsonNode report) {
        for (JsonNode c : report.get("changes")) {
            for (JsonNode fl : c.get("fields")) {
                if (fl.get("path").asText().equals("key")) {
                    return fl.path("sensitive").asBoolean() && !fl.has("before") && !fl.has("after");
                }
            }
        }
        return false;
    }

    /** The base64 value in the Secret, and every line of the decoded PEM key body (long enough to be unique). */
    static List<String> keyMarkers(String secretYaml) throws Exception {
        JsonNode secret = new ObjectMapper(new YAMLFactory()).readTree(secretYaml);
        String b64 = secret.at("/data/tls.key").asText();
        List<String> markers = new ArrayList<>();
        markers.add(b64.substring(0, 64));
        markers.add(b64.substring(b64.length() / 2, b64.length() / 2 + 64));
        String pem = new String(Base64.getMimeDecoder().decode(b64), StandardCharsets.US_ASCII);
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----") && line.length() >= 40) markers.add(line);
        }
        assertThat(markers).hasSizeGreaterThan(10);
        return markers;
    }

    /** A Secret with a new certificate and key for the same hosts; adds the new key's markers to {@code secrets}. */
    private static String newSecret(List<String> secrets) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        X500Name name = new X500Name("CN=shop.example.com");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)), name,
                keys.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                new GeneralName(GeneralName.dNSName, "shop.example.com"),
                new GeneralName(GeneralName.dNSName, "www.shop.example.com")}));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        String certPem = pem(cert);
        String keyPem = pem(new JcaPKCS8Generator(keys.getPrivate(), null).generate());
        Base64.Encoder enc = Base64.getEncoder();
        String yaml = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: shop-tls
                  namespace: shop
                  uid: 5b0d4a5e-8c1f-4f2e-9a57-3f8f1c0e2a11
                type: kubernetes.io/tls
                data:
                  tls.crt: %s
                  tls.key: %s
                """.formatted(enc.encodeToString(certPem.getBytes(StandardCharsets.US_ASCII)),
                enc.encodeToString(keyPem.getBytes(StandardCharsets.US_ASCII)));
        secrets.addAll(keyMarkers(yaml));
        return yaml;
    }

    private static String pem(Object o) throws Exception {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(o);
        }
        return w.toString();
    }
}
