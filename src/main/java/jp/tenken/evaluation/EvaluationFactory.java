package jp.tenken.evaluation;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import jp.tenken.text.JapaneseWords;

/**
 * The Japanese analyser. The service reads its dictionaries at start-up (the start began reading
 * them beside the rules, see {@code Application}), never in a request; the command line checks no
 * evaluation, so it reads them only if something asks.
 */
@Factory
class EvaluationFactory {

    @Context
    @Requires(notEnv = Environment.CLI)
    JapaneseWords japaneseWords() {
        return JapaneseWords.loaded();
    }

    @Singleton
    @Requires(env = Environment.CLI)
    JapaneseWords commandLineJapaneseWords() {
        return JapaneseWords.loaded();
    }
}
