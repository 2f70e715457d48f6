package io.konggitops.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Map;

/**
 * Log format and level. {@code --log-format json} (or {@code KONG_GITOPS_LOG_FORMAT=json}) replaces the plain stderr
 * appender of {@code logback.xml} with one JSON object per line (logstash encoder), for log pipelines in the cluster;
 * json is the default when stdout is not a terminal and {@code KUBERNETES_SERVICE_HOST} is set (a pod).
 * {@code -v} logs at DEBUG, {@code -q} at ERROR; otherwise {@code KONG_GITOPS_LOG_LEVEL} in {@code logback.xml}
 * (default WARN).
 */
final class Logging {
    /** {@code json} or {@code text}; {@code level} null keeps logback.xml's. */
    record Settings(String format, String level) {
        boolean json() {
            return format.equals("json");
        }
    }

    private Logging() {
    }

    /**
     * @param flag the {@code --log-format} value, or null
     * @throws IllegalArgumentException for a format other than json or text
     */
    static Settings decide(String flag, boolean verbose, boolean quiet, Map<String, String> env, Terminal terminal) {
        String format = flag != null ? flag : env.get("KONG_GITOPS_LOG_FORMAT");
        if (format == null || format.isBlank()) {
            boolean inPod = env.get("KUBERNETES_SERVICE_HOST") != null && !env.get("KUBERNETES_SERVICE_HOST").isBlank();
            format = inPod && !terminal.interactive() ? "json" : "text";
        }
        format = format.trim().toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("text")) {
            throw new IllegalArgumentException("--log-format must be json or text, got '" + format + "'");
        }
        return new Settings(format, verbose ? "DEBUG" : quiet ? "ERROR" : null);
    }

    static void apply(Settings settings) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (settings.level() != null) root.setLevel(Level.toLevel(settings.level()));
        if (!settings.json() || root.getAppender("STDERR_JSON") != null) {
            return;
        }
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR_JSON");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
    }
}
