package nl.notaris.portal.gateway.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Slf4jLogFactory;

/**
 * Spring's logging (Apache Commons Logging on SLF4J), but a message is built only when its level is on.
 * Commons Logging's SLF4J adapter turns every message into a string before Logback looks at the level, so
 * Spring's lazy debug messages were formatted on every request and thrown away (a signed-in user's whole
 * security context, for one). Chosen by Commons Logging through META-INF/services.
 */
public final class LevelCheckingLogFactory extends LogFactory {

    private final Slf4jLogFactory slf4j = new Slf4jLogFactory();
    private final ConcurrentMap<String, Log> logs = new ConcurrentHashMap<>();

    @Override
    public Log getInstance(String name) {
        return logs.computeIfAbsent(name, key -> new LevelCheckingLog(slf4j.getInstance(key)));
    }

    @Override
    public Log getInstance(Class<?> type) {
        return getInstance(type.getName());
    }

    @Override
    public Object getAttribute(String name) {
        return slf4j.getAttribute(name);
    }

    @Override
    public String[] getAttributeNames() {
        return slf4j.getAttributeNames();
    }

    @Override
    public void release() {
        logs.clear();
        slf4j.release();
    }

    @Override
    public void removeAttribute(String name) {
        slf4j.removeAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        slf4j.setAttribute(name, value);
    }

    private record LevelCheckingLog(Log log) implements Log {

        @Override public boolean isTraceEnabled() { return log.isTraceEnabled(); }
        @Override public boolean isDebugEnabled() { return log.isDebugEnabled(); }
        @Override public boolean isInfoEnabled() { return log.isInfoEnabled(); }
        @Override public boolean isWarnEnabled() { return log.isWarnEnabled(); }
        @Override public boolean isErrorEnabled() { return log.isErrorEnabled(); }
        @Override public boolean isFatalEnabled() { return log.isFatalEnabled(); }

        @Override public void trace(Object message) { if (log.isTraceEnabled()) log.trace(message); }
        @Override public void trace(Object message, Throwable t) { if (log.isTraceEnabled()) log.trace(message, t); }
        @Override public void debug(Object message) { if (log.isDebugEnabled()) log.debug(message); }
        @Override public void debug(Object message, Throwable t) { if (log.isDebugEnabled()) log.debug(message, t); }
        @Override public void info(Object message) { if (log.isInfoEnabled()) log.info(message); }
        @Override public void info(Object message, Throwable t) { if (log.isInfoEnabled()) log.info(message, t); }
        @Override public void warn(Object message) { if (log.isWarnEnabled()) log.warn(message); }
        @Override public void warn(Object message, Throwable t) { if (log.isWarnEnabled()) log.warn(message, t); }
        @Override public void error(Object message) { if (log.isErrorEnabled()) log.error(message); }
        @Override public void error(Object message, Throwable t) { if (log.isErrorEnabled()) log.error(message, t); }
        @Override public void fatal(Object message) { if (log.isFatalEnabled()) log.fatal(message); }
        @Override public void fatal(Object message, Throwable t) { if (log.isFatalEnabled()) log.fatal(message, t); }
    }
}
