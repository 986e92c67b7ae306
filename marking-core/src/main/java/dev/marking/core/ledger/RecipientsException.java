package dev.marking.core.ledger;

import dev.marking.core.model.Message;

/** A recipient list cannot be used; {@link #why()} names the file and row, in the user's language when rendered. */
public final class RecipientsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Message why;

    public RecipientsException(Message why, Throwable cause) {
        super(why.key() + " " + why.args(), cause);
        this.why = why;
    }

    public RecipientsException(Message why) {
        this(why, null);
    }

    public Message why() {
        return why;
    }
}
