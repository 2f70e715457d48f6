package io.konggitops.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Log format switch: {@code KONG_GITOPS_LOG_FORMAT=json} replaces the plain stderr appender of {@code logback.xml}
 * with one JSON object per line (logstash encoder), for log pipelines in the cluster. The level is set by
 * {@code KONG_GITOPS_LOG_LEVEL} in {@code logback.xml} (default WARN).
 */
final class Logging {
    private Logging() {
    }

    static void configure(Map<String, String> env) {
        if (!"json".equalsIgnoreCase(env.get("KONG_GITOPS_LOG_FORMAT"))) {
            return;
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
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
