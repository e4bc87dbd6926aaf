package jp.tenken.reminder;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.email.Contact;
import io.micronaut.email.Email;
import io.micronaut.email.EmailException;
import io.micronaut.email.EmailSender;
import jakarta.inject.Singleton;
import jp.tenken.account.Account;
import jp.tenken.account.Role;
import jp.tenken.account.UserStore;
import jp.tenken.organization.OrganizationRegistry;
import jp.tenken.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The daily reminder mail (CONTRACT §12): each department's officers (enabled users with the
 * SECURITY_OFFICER role of that department and an e-mail address) get one Japanese mail listing the
 * department's items that fall due within 7 days, within 1 day, and those overdue, each item once
 * per stage. What was sent is recorded in the database in the transaction that sends it
 * ({@link SentReminders#claimThenSend}), so a restart or a second instance never sends a stage twice,
 * and a mail the SMTP server did not take is recorded as nothing and tried again at the next run.
 * {@link #run} is the whole job for one day; {@link DailyMailSchedule} calls it at the set time.
 */
@Singleton
@Requires(property = "tenken.mail.enabled", value = "true")
@Requires(notEnv = Environment.CLI)
public class ReminderMailJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderMailJob.class);
    /** Rounds of claiming for one mail while another instance holds some of its items. */
    private static final int ATTEMPTS = 3;

    /**
     * What one run did: mails the SMTP server took, item stages they listed, mails not sent, and
     * how often it found a mail's items claimed by another run (another instance) and looked again.
     */
    public record Outcome(int mailsSent, int stagesSent, int failures, int claimedElsewhere) {
    }

    private final ReminderService reminders;
    private final OrganizationRegistry organizations;
    private final UserStore users;
    private final SentReminders sent;
    private final EmailSender<?, ?> sender;
    private final MailSettings settings;

    ReminderMailJob(ReminderService reminders, OrganizationRegistry organizations, UserStore users, SentReminders sent,
                    EmailSender<?, ?> sender, MailSettings settings) {
        this.reminders = reminders;
        this.organizations = organizations;
        this.users = users;
        this.sent = sent;
        this.sender = sender;
        this.settings = settings;
    }

    /** Sends what is due as of the day (today in {@code tenken.mail.zone} when scheduled); never throws for a mail not sent. */
    public Outcome run(LocalDate asOf) {
        Tally tally = new Tally();
        List<Account> officers = users.list().stream()
                .filter(a -> a.enabled() && a.has(Role.SECURITY_OFFICER) && a.email() != null && !a.email().isBlank())
                .sorted(Comparator.comparing(Account::username)).toList();
        for (String organization : organizations.organizationIds().stream().sorted().toList()) {
            Map<String, List<Reminder>> byDepartment = new TreeMap<>();
            for (Reminder item : reminders.open(organization, asOf)) {
                if (ReminderStage.of(item.daysLeft()) != null) {
                    byDepartment.computeIfAbsent(item.department(), d -> new ArrayList<>()).add(item);
                }
            }
            byDepartment.forEach((department, items) -> officers.stream()
                    .filter(o -> organization.equals(o.organization()) && o.departments().contains(department))
                    .forEach(officer -> deliver(organization, department, officer, items, asOf, tally)));
        }
        Outcome outcome = tally.outcome();
        LOG.info("Reminder mail as of {}: {} mails sent listing {} item stages, {} not sent (tried again at the next run)",
                asOf, outcome.mailsSent(), outcome.stagesSent(), outcome.failures());
        return outcome;
    }

    private void deliver(String organization, String department, Account officer, List<Reminder> items, LocalDate asOf, Tally tally) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                Set<String> already = sent.sentTo(officer.username(), organization, department);
                List<SentReminders.Claim> pending = items.stream()
                        .map(item -> new SentReminders.Claim(organization, item, ReminderStage.of(item.daysLeft()), officer.username()))
                        .filter(claim -> !already.contains(claim.id())).toList();
                if (pending.isEmpty()) {
                    return;
                }
                ReminderMail mail = compose(officer, department, asOf, pending);
                sent.claimThenSend(pending, () -> send(officer, mail));
                tally.mailsSent++;
                tally.stagesSent += pending.size();
                return;
            } catch (SentReminders.AlreadyClaimedException e) {
                tally.claimedElsewhere++;
                LOG.debug("Another run is mailing {} about {}; looking again", officer.username(), department);
            } catch (MailNotSentException e) {
                LOG.warn("Reminder mail to {} <{}> about {} not sent ({}); nothing recorded, tried again at the next run",
                        officer.username(), officer.email(), department, e.getMessage());
                tally.failures++;
                return;
            } catch (StorageException e) {
                LOG.error("Reminder mail to {} about {} not sent: the database failed; tried again at the next run",
                        officer.username(), department, e);
                tally.failures++;
                return;
            }
        }
        LOG.warn("Reminder mail to {} about {} left to the next run: other runs kept claiming its items", officer.username(), department);
    }

    private static ReminderMail compose(Account officer, String department, LocalDate asOf, List<SentReminders.Claim> pending) {
        Map<ReminderStage, List<Reminder>> byStage = new EnumMap<>(ReminderStage.class);
        for (SentReminders.Claim claim : pending) {
            byStage.computeIfAbsent(claim.stage(), s -> new ArrayList<>()).add(claim.item());
        }
        String name = officer.displayName() == null || officer.displayName().isBlank() ? officer.username() : officer.displayName();
        return ReminderMail.of(name, department, asOf, new LinkedHashMap<>(byStage));
    }

    private void send(Account officer, ReminderMail mail) {
        try {
            sender.send(Email.builder()
                    .from(settings.from())
                    .to(new Contact(officer.email(), officer.displayName()))
                    .subject(mail.subject())
                    .body(mail.body()));
        } catch (EmailException | IllegalArgumentException e) {
            throw new MailNotSentException(e);
        }
    }

    /** The SMTP server was down, refused the mail or a recipient; the claims are rolled back. */
    static final class MailNotSentException extends RuntimeException {
        MailNotSentException(Throwable cause) {
            super(rootMessage(cause), cause);
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }

    private static final class Tally {
        int mailsSent;
        int stagesSent;
        int failures;
        int claimedElsewhere;

        Outcome outcome() {
            return new Outcome(mailsSent, stagesSent, failures, claimedElsewhere);
        }
    }
}
