package jp.tenken.waiver;

import jakarta.inject.Singleton;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.api.NotFoundException;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.engine.RuleBase;
import jp.tenken.engine.RuleDescriptor;
import jp.tenken.organization.OrganizationRegistry;
import jp.tenken.text.JapaneseDates;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the waiver API and the waiver pages both do, with the caller's permissions asked in one
 * place ({@code WAIVER_WRITE}: auditors and admins, of their own organization). A refused request
 * stores nothing.
 */
@Singleton
public class WaiverService {

    /** How far ahead a waiver may expire (CONTRACT §12). */
    public static final int MAX_YEARS = 3;
    static final int MAX_REASON = 2000;

    private final WaiverStore store;
    private final RuleBase ruleBase;
    private final OrganizationRegistry organizations;
    private final WaiverApplier applier;

    public WaiverService(WaiverStore store, RuleBase ruleBase, OrganizationRegistry organizations, WaiverApplier applier) {
        this.store = store;
        this.applier = applier;
        this.ruleBase = ruleBase;
        this.organizations = organizations;
    }

    /** Checks and stores a waiver created by the caller, with its activity entry. */
    public Waiver create(Caller caller, WaiverRequest request) {
        caller.requireRole(Action.WAIVER_WRITE);
        if (request == null) {
            throw DocumentRejectedException.malformed(Problem.of("", "document.empty"));
        }
        List<Problem> problems = new ArrayList<>();
        String organization = blankToNull(request.organization());
        if (organization == null) {
            problems.add(Problem.of("organization", "jakarta.validation.constraints.NotBlank.message"));
        }
        Optional<RuleDescriptor> rule = blankToNull(request.ruleId()) == null ? Optional.empty()
                : ruleBase.rule(request.ruleId().trim());
        if (blankToNull(request.ruleId()) == null) {
            problems.add(Problem.of("ruleId", "jakarta.validation.constraints.NotBlank.message"));
        } else {
            if (rule.isEmpty()) {
                problems.add(Problem.of("ruleId", "waiver.rule.unknown", "ruleId", request.ruleId().trim()));
            }
        }
        Map<String, Object> target = new LinkedHashMap<>();
        if (request.target() == null || request.target().isEmpty()) {
            problems.add(Problem.of("target", "waiver.target.empty"));
        } else {
            request.target().forEach((key, value) -> {
                if (!(value instanceof String || value instanceof Number) || String.valueOf(value).isBlank()) {
                    problems.add(Problem.of("target." + key, "waiver.target.value"));
                } else if (rule.isPresent() && !rule.get().targetKeys().contains(key)) {
                    problems.add(Problem.of("target." + key, "waiver.target.key", "key", key, "ruleId", rule.get().id(),
                            "keys", String.join(", ", rule.get().targetKeys())));
                } else {
                    target.put(key, value);
                }
            });
        }
        String reason = blankToNull(request.reason());
        if (reason == null) {
            problems.add(Problem.of("reason", "jakarta.validation.constraints.NotBlank.message"));
        } else if (reason.length() > MAX_REASON) {
            problems.add(Problem.of("reason", "waiver.reason.long", "max", String.valueOf(MAX_REASON)));
        }
        LocalDate expiresOn = expiresOn(request.expiresOn(), problems);
        if (problems.size() == 1) {
            throw DocumentRejectedException.malformed(problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.MALFORMED, "document.invalid", problems);
        }
        caller.require(Action.WAIVER_WRITE, organization);
        organizations.requireDirectory(organization);
        Waiver created = store.create(new Waiver.New(organization, rule.orElseThrow().id(), target, reason.trim(), expiresOn),
                caller.username());
        applier.changed(organization);
        return created;
    }

    private static LocalDate expiresOn(String text, List<Problem> problems) {
        if (blankToNull(text) == null) {
            problems.add(Problem.of("expiresOn", "jakarta.validation.constraints.NotBlank.message"));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add(Problem.of("expiresOn", "document.type.date"));
            return null;
        }
        LocalDate today = JapaneseDates.today();
        if (date.isBefore(today)) {
            problems.add(Problem.of("expiresOn", "waiver.expires.past", "today", today.toString()));
        } else if (date.isAfter(today.plusYears(MAX_YEARS))) {
            problems.add(Problem.of("expiresOn", "waiver.expires.far", "latest", today.plusYears(MAX_YEARS).toString()));
        }
        return date;
    }

    /** The waivers of an organization, oldest first, revoked and expired ones included. */
    public List<Waiver> list(Caller caller, String organization) {
        caller.requireRole(Action.WAIVER_WRITE);
        caller.require(Action.WAIVER_WRITE, organization);
        return store.list(organization);
    }

    /** Revokes a waiver as the caller; revoking a revoked one again changes nothing. 404 when there is none. */
    public Waiver revoke(Caller caller, String id) {
        caller.requireRole(Action.WAIVER_WRITE);
        Waiver waiver = store.find(id).orElseThrow(() -> new NotFoundException("waiver.not-found", Map.of("id", id)));
        caller.require(Action.WAIVER_WRITE, waiver.organization());
        store.revoke(id, caller.username());
        applier.changed(waiver.organization());
        return store.find(id).orElseThrow();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
