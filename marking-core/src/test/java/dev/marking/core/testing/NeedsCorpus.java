package dev.marking.core.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A parameterized test whose arguments come from the {@link Corpus}: skipped with the reason where the corpus
 * is missing, failed under {@code CI}. Needed because JUnit drops an argument source that aborts without a report.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Corpus.Condition.class)
public @interface NeedsCorpus {
}
