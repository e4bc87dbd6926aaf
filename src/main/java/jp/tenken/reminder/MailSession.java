package jp.tenken.reminder;

import io.micronaut.context.annotation.Requires;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;

import java.util.Properties;

/**
 * The JavaMail session Micronaut Email sends through, made from {@code tenken.mail.smtp.*}. It
 * replaces Micronaut's default provider, which takes {@code Session.getDefaultInstance}: one session
 * for the whole JVM, fixed by whoever asked first, so a second application context (a test, another
 * configuration) would silently send to the first one's server.
 */
@Singleton
@Requires(property = "tenken.mail.enabled", value = "true")
class MailSession implements SessionProvider {

    private final Session session;

    MailSession(MailSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", String.valueOf(settings.port()));
        String millis = String.valueOf(settings.timeout().toMillis());
        // Without these JavaMail waits forever on a server that accepts the connection and says nothing.
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        properties.setProperty("mail.mime.charset", "UTF-8");
        if (settings.startTls()) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        Authenticator authenticator = null;
        if (settings.user() != null) {
            properties.setProperty("mail.smtp.auth", "true");
            PasswordAuthentication credentials = new PasswordAuthentication(settings.user(), settings.password());
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return credentials;
                }
            };
        }
        this.session = Session.getInstance(properties, authenticator);
    }

    @Override
    public Session session() {
        return session;
    }
}
