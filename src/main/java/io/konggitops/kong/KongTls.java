package io.konggitops.kong;

import io.konggitops.problem.KongGitopsException;

import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The TLS set-up for the Admin API connection, from {@link AdminClientOptions}: JVM trust store by default, only
 * {@code caCert} when given, a client certificate for mTLS, or no verification at all with {@code tlsSkipVerify}.
 */
final class KongTls {
    private KongTls() {
    }

    static TlsSocketStrategy strategy(AdminClientOptions options) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers(options), trustManagers(options), null);
            ClientTlsStrategyBuilder b = ClientTlsStrategyBuilder.create().setSslContext(ctx);
            if (options.tlsSkipVerify()) {
                b.setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                        .setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
            }
            return b.buildClassic();
        } catch (GeneralSecurityException e) {
            throw new KongGitopsException("cannot set up TLS for the Kong Admin API: " + e.getMessage(), e);
        }
    }

    private static javax.net.ssl.KeyManager[] keyManagers(AdminClientOptions options) throws GeneralSecurityException {
        if (options.clientCert() == null) {
            return null;
        }
        List<X509Certificate> chain = KongPem.certificates(options.clientCert());
        PrivateKey key = KongPem.privateKey(options.clientKey());
        char[] password = new char[0];
        KeyStore ks = emptyKeyStore();
        ks.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        return kmf.getKeyManagers();
    }

    private static TrustManager[] trustManagers(AdminClientOptions options) throws GeneralSecurityException {
        if (options.tlsSkipVerify()) {
            return new TrustManager[]{new TrustAll()};
        }
        if (options.caCert() == null) {
            return null; // JVM default trust store
        }
        KeyStore ks = emptyKeyStore();
        int i = 0;
        for (X509Certificate c : KongPem.certificates(options.caCert())) {
            ks.setCertificateEntry("ca-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf.getTrustManagers();
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try {
            ks.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        return ks;
    }

    /**
     * {@code tlsSkipVerify}: accepts every server certificate. Extended, so the JDK does not wrap it with its own
     * host name check.
     */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // not a server
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // skip-verify: deliberately trusts everything
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // not a server
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // skip-verify: deliberately trusts everything
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // not a server
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // skip-verify: deliberately trusts everything
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
