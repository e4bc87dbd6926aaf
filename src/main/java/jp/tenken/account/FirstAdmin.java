package jp.tenken.account;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

/**
 * CONTRACT §7: on a start with no user at all, creates {@code admin} (ADMIN of all organizations)
 * with the password of {@code tenken.admin-password} (env TENKEN_ADMIN_PASSWORD), or else a random
 * one shown once on the console. Runs before the server answers (StartupEvent comes first); the
 * command line has no database and skips it. A later start, or one that loses the race to another
 * instance on the same database, changes nothing.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
public class FirstAdmin implements ApplicationEventListener<StartupEvent> {

    public static final String USERNAME = "admin";

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    /** Letters and digits without look-alikes (0 O 1 l I), to be typed from the console. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    /** 24 of 57 symbols: about 140 bits. */
    static final int GENERATED_LENGTH = 24;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserStore users;
    private final PasswordHasher hasher;
    private final AdminPasswordNotice notice;
    private final String configuredPassword;

    FirstAdmin(UserStore users, PasswordHasher hasher, AdminPasswordNotice notice,
               @Nullable @Value("${tenken.admin-password:}") String configuredPassword) {
        this.users = users;
        this.hasher = hasher;
        this.notice = notice;
        this.configuredPassword = configuredPassword == null || configuredPassword.isEmpty() ? null : configuredPassword;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        createWhenNoUserExists();
    }

    /** Whether this call created the admin. */
    boolean createWhenNoUserExists() {
        if (users.count() > 0) {
            return false;
        }
        if (configuredPassword != null) {
            // A weak configured password stops the start rather than guard every organization.
            AccountFields.password(configuredPassword).ifPresent(problem -> {
                throw new jp.tenken.source.SourceException("tenken.admin-password (TENKEN_ADMIN_PASSWORD): " + problem.message());
            });
        }
        String password = configuredPassword != null ? configuredPassword : generatePassword();
        Account admin = new Account(USERNAME, "管理者", null, EnumSet.of(Role.ADMIN), null, Set.of(), true);
        try {
            users.create(admin, hasher.hash(password));
        } catch (UsernameTakenException e) {
            LOG.info("The first admin was created by another instance meanwhile");
            return false;
        }
        if (configuredPassword != null) {
            LOG.info("Created the first user {} with the password of tenken.admin-password", USERNAME);
        } else {
            LOG.info("Created the first user {} with a generated password, shown once on the console", USERNAME);
            notice.show(noticeLine(password));
        }
        return true;
    }

    static String noticeLine(String password) {
        return "初期管理者 " + USERNAME + " を作成しました。パスワードはこの一度だけ表示されます / "
                + "Created the first user " + USERNAME + "; its password is shown this once only: " + password;
    }

    static String generatePassword() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
