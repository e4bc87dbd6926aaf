package jp.tenken.account;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * CONTRACT §7: on a start with no user at all, creates {@code admin} (ADMIN of all organizations)
 * with the password of {@code tenken.admin-password} (env TENKEN_ADMIN_PASSWORD), or else a random
 * one shown once on the console. The command line has no database and skips it. A later start, or
 * one that loses the race to another instance on the same database, changes nothing.
 *
 * <p>Whether an admin must be made, and whether a configured password is strong enough (a weak one
 * stops the start), is decided when the context has started. The password's bcrypt hash (cost 12,
 * 0.3–0.6 s of one core, the slowest single step of a first start) is by default made once the
 * server answers ({@code tenken.first-admin.after-server-start}), on the blocking pool: a start is
 * bound by the CPU of two cores, and the hash no longer competes with it. A login that arrives in
 * that half second waits for it ({@link #settled()}) rather than being refused. If making the admin
 * fails then (the database gone, say), the process stops with exit code 1, as the same failure
 * stopped the start before: a service nobody can log in to is of no use. With the setting off (the
 * tests' configuration) the admin is made during the context's start, as before; with it on, a
 * context whose server never starts makes none.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
public class FirstAdmin {

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
    private final boolean afterServerStart;
    private final ExecutorService blocking;
    /** Completed once no admin remains to be made: made, found, or lost to another instance. */
    private final CompletableFuture<Void> settled = new CompletableFuture<>();
    /** The password of the admin still to be made when the server starts; null when none is. */
    private final AtomicReference<String> pendingPassword = new AtomicReference<>();
    /** Set when the context stops: a hash cut short by a stop is not a failure to report. */
    private volatile boolean stopping;

    FirstAdmin(UserStore users, PasswordHasher hasher, AdminPasswordNotice notice,
               @Nullable @Value("${tenken.admin-password:}") String configuredPassword,
               @Value("${tenken.first-admin.after-server-start:true}") boolean afterServerStart,
               @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.users = users;
        this.hasher = hasher;
        this.notice = notice;
        this.configuredPassword = configuredPassword == null || configuredPassword.isEmpty() ? null : configuredPassword;
        this.afterServerStart = afterServerStart;
        this.blocking = blocking;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        String password = passwordOfAdminToMake();
        if (password == null) {
            settled.complete(null);
        } else if (afterServerStart) {
            pendingPassword.set(password);
        } else {
            createSettling(password);
        }
    }

    @EventListener
    void onServerStartup(ServerStartupEvent event) {
        String password = pendingPassword.getAndSet(null);
        if (password != null) {
            blocking.execute(() -> createOrStop(password));
        }
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Completes when no first admin remains to be made by this instance: at once when a user
     * existed, else when the admin is stored (after the server has started, by default).
     */
    public CompletableFuture<Void> settled() {
        return settled;
    }

    /** The password the first admin gets, or null when a user exists already. */
    private String passwordOfAdminToMake() {
        if (users.count() > 0) {
            return null;
        }
        if (configuredPassword != null) {
            // A weak configured password stops the start rather than guard every organization.
            AccountFields.password(configuredPassword).ifPresent(problem -> {
                throw new jp.tenken.source.SourceException("tenken.admin-password (TENKEN_ADMIN_PASSWORD): " + problem.message());
            });
        }
        return configuredPassword != null ? configuredPassword : generatePassword();
    }

    private void createSettling(String password) {
        try {
            create(password);
        } finally {
            settled.complete(null);
        }
    }

    /** After the server has started: a failure cannot stop the start any more, so it stops the process. */
    private void createOrStop(String password) {
        try {
            createSettling(password);
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.info("The service stopped before the first admin was stored; the next start makes it");
                return;
            }
            LOG.error("The first admin could not be created; the service stops (no one could log in)", e);
            System.exit(1);
        }
    }

    private void create(String password) {
        Account admin = new Account(USERNAME, "管理者", null, EnumSet.of(Role.ADMIN), null, Set.of(), true);
        try {
            users.create(admin, hasher.hash(password));
        } catch (UsernameTakenException e) {
            LOG.info("The first admin was created by another instance meanwhile");
            return;
        }
        if (configuredPassword != null) {
            LOG.info("Created the first user {} with the password of tenken.admin-password", USERNAME);
        } else {
            LOG.info("Created the first user {} with a generated password, shown once on the console", USERNAME);
            notice.show(noticeLine(password));
        }
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
