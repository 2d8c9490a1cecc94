package org.camelb2b.token.testing;

import java.io.StringWriter;
import java.util.List;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Everything logged at INFO or above (or the level given) while it is open, one
 * {@code LEVEL logger message} per line. Loggers still log only at their own levels.
 */
public final class LogCapture implements AutoCloseable {

    private final StringWriter written = new StringWriter();
    private final WriterAppender appender;
    private final Configuration config;
    private final String name;

    public LogCapture() {
        this(Level.INFO);
    }

    public LogCapture(Level level) {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        this.config = ctx.getConfiguration();
        this.name = "capture-" + System.identityHashCode(this);
        this.appender = WriterAppender.newBuilder().setName(name).setTarget(written)
                .setLayout(PatternLayout.newBuilder().withPattern("%p %c %m%n").build()).build();
        appender.start();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, level, null);
        ctx.updateLoggers();
    }

    /** The lines written so far. */
    public synchronized List<String> lines() {
        return written.toString().lines().toList();
    }

    /** The lines at {@code level} that contain {@code text}. */
    public List<String> lines(String level, String text) {
        return lines().stream().filter(l -> l.startsWith(level + " ") && l.contains(text)).toList();
    }

    @Override
    public void close() {
        config.getRootLogger().removeAppender(name);
        appender.stop();
        ((LoggerContext) LogManager.getContext(false)).updateLoggers();
    }
}
