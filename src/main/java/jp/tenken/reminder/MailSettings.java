package jp.tenken.reminder;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The reminder mail's settings, {@code tenken.mail.*} (README "Reminder mail"); read only when
 * {@code tenken.mail.enabled} is true. A missing sender or a time that is not HH:mm stops the start
 * with the property named, rather than failing at the first run hours later.
 */
@Singleton
@Requires(property = "tenken.mail.enabled", value = "true")
public class MailSettings {

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final boolean startTls;
    private final Duration timeout;
    private final String from;
    private final LocalTime dailyAt;
    private final ZoneId zone;
    private final boolean scheduled;

    MailSettings(@Value("${tenken.mail.smtp.host:localhost}") String host,
                 @Value("${tenken.mail.smtp.port:25}") int port,
                 @Nullable @Value("${tenken.mail.smtp.user:}") String user,
                 @Nullable @Value("${tenken.mail.smtp.password:}") String password,
                 @Value("${tenken.mail.smtp.starttls:false}") boolean startTls,
                 @Value("${tenken.mail.smtp.timeout:20s}") Duration timeout,
                 @Nullable @Value("${tenken.mail.from:}") String from,
                 @Value("${tenken.mail.daily-at:`07:30`}") String dailyAt,
                 @Value("${tenken.mail.zone:Asia/Tokyo}") String zone,
                 @Value("${tenken.mail.scheduled:true}") boolean scheduled) {
        if (from == null || from.isBlank()) {
            throw new IllegalStateException("tenken.mail.from (TENKEN_MAIL_FROM) must name the sender's address when tenken.mail.enabled is true");
        }
        this.host = host;
        this.port = port;
        this.user = user == null || user.isBlank() ? null : user;
        this.password = password == null ? "" : password;
        this.startTls = startTls;
        this.timeout = timeout;
        this.from = from.trim();
        this.dailyAt = time(dailyAt);
        this.zone = zone(zone);
        this.scheduled = scheduled;
    }

    private static LocalTime time(String value) {
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("tenken.mail.daily-at (TENKEN_MAIL_DAILY_AT) must be a time of day HH:mm, not " + value, e);
        }
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new IllegalStateException("tenken.mail.zone (TENKEN_MAIL_ZONE) must be a time zone such as Asia/Tokyo, not " + value, e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The SMTP user name; null: the server takes mail without logging in. */
    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean startTls() {
        return startTls;
    }

    /** How long connecting, reading and writing to the SMTP server may each take. */
    public Duration timeout() {
        return timeout;
    }

    public String from() {
        return from;
    }

    /** The time of day the job runs, in {@link #zone}. */
    public LocalTime dailyAt() {
        return dailyAt;
    }

    /** The zone of the daily time and of "today" for the job. */
    public ZoneId zone() {
        return zone;
    }

    /** False: this instance never runs the job by itself (another does, or it is called directly). */
    public boolean scheduled() {
        return scheduled;
    }
}
