package dev.marking.core.model;

import java.util.List;

/** A message key from the bundle and its arguments, rendered later in the user's language. */
public record Message(String key, List<Object> args) {

    public static Message of(String key, Object... args) {
        return new Message(key, List.of(args));
    }
}
