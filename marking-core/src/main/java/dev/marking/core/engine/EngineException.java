package dev.marking.core.engine;

/**
 * A request the engine cannot carry out as asked: bad input, a missing path, an invalid policy. The
 * message is in the request's language; the code is stable ({@code copy.invalid}, {@code path.missing},
 * …) for shells that answer machines (the bridge's {@code error} field). Shells turn it into their own
 * usage error: exit code 2, a {@code MojoExecutionException}, an HTTP 400.
 */
public final class EngineException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    public EngineException(String code, String message) {
        super(message);
        this.code = code;
    }

    public EngineException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
