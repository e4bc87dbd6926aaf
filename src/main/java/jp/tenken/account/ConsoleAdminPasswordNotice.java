package jp.tenken.account;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/**
 * Prints the line on standard output, not through the logger: log files are kept and shipped, and
 * the password must not live on in them.
 */
@Singleton
@Secondary
class ConsoleAdminPasswordNotice implements AdminPasswordNotice {

    @Override
    public void show(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
