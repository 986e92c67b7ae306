package dev.marking.spark;

/** The job cannot run as asked (exit code 2): its message is a key of the job's messages and its arguments. */
final class JobException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Object[] args;

    JobException(String key, Object... args) {
        super(key);
        this.args = args.clone();
    }

    String key() {
        return getMessage();
    }

    Object[] args() {
        return args.clone();
    }
}
