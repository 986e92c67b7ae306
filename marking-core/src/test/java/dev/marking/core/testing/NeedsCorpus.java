package dev.marking.core.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test whose corpus files are read before the test itself runs, by its argument source or by the class's
 * {@code @BeforeAll}: skipped with the reason where the corpus is missing, failed under {@code CI}. Needed
 * because an abort there leaves no trace in the test report; a test that reads {@link Corpus} in its own
 * body needs nothing.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Corpus.Condition.class)
public @interface NeedsCorpus {
}
