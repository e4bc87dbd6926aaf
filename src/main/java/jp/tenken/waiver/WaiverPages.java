package jp.tenken.waiver;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.engine.Language;
import jp.tenken.api.Requests;
import jp.tenken.i18n.Texts;
import jp.tenken.engine.RuleBase;
import jp.tenken.text.JapaneseDates;
import jp.tenken.web.Layout;
import jp.tenken.web.PageOrganization;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The waivers' pages (CONTRACT §8, §12), beside the API and through the same {@link WaiverService}:
 * the list of an organization's waivers with a revoke button each, and the 'waive' form a finding
 * carries on the auditors' pages ({@link WaiverForms}), which comes back to the page it was sent from.
 */
@Controller("/waivers")
class WaiverPages {

    private final Layout layout;
    private final WaiverService waivers;
    private final PageOrganization organizations;
    private final RuleBase ruleBase;

    WaiverPages(Layout layout, WaiverService waivers, PageOrganization organizations, RuleBase ruleBase) {
        this.layout = layout;
        this.waivers = waivers;
        this.organizations = organizations;
        this.ruleBase = ruleBase;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Caller caller, @Nullable @QueryValue String organization,
                                           @Nullable @QueryValue String created, @Nullable @QueryValue String revoked,
                                           @Nullable @QueryValue String lang) {
        caller.requireRole(Action.WAIVER_WRITE);
        String org = organizations.of(caller, organization);
        Language language = language(request, lang);
        String notice = created != null ? Texts.get(language, "waiver.page.created")
                : revoked != null ? Texts.get(language, "waiver.page.revoked") : null;
        return new ModelAndView<>("waiver/list", model(caller, org, notice, List.of(), null, language));
    }

    /** Japanese, or English with {@code ?lang=en} or {@code Accept-Language: en} (CONTRACT §8). */
    private static Language language(HttpRequest<?> request, String lang) {
        if (lang != null && !lang.isBlank()) {
            return Language.of(lang);
        }
        return Requests.language(request);
    }

    private Map<String, Object> model(Caller caller, String org, String notice, List<String> errors, Map<String, String> fields,
                                      Language language) {
        List<Waiver> all = waivers.list(caller, org);
        LocalDate today = JapaneseDates.today();
        Map<String, Object> model = layout.model(caller, Texts.get(language, "waiver.page.title"));
        Map<String, String> t = new LinkedHashMap<>();
        for (String key : List.of("title", "intro", "refused", "back", "none", "rule", "target", "reason", "expires", "state",
                "createdBy", "revoke", "revokeConfirm", "again")) {
            t.put(key, Texts.get(language, "waiver.page." + key));
        }
        model.put("t", t);
        model.put("lang", language.code());
        model.put("organizationName", layout.organizationName(org));
        model.put("organization", org);
        model.put("notice", notice);
        model.put("errors", errors);
        model.put("fields", fields);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) { // newest first
            Waiver w = all.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", w.id());
            row.put("ruleId", w.ruleId());
            row.put("ruleTitle", ruleBase.rule(w.ruleId()).map(r -> r.title()).orElse(""));
            row.put("target", targetLabel(language, w.target()));
            row.put("reason", w.reason());
            row.put("expiresOn", JapaneseDates.date(w.expiresOn()));
            row.put("createdBy", w.createdBy());
            row.put("createdAt", JapaneseDates.date(w.createdAt().atZoneSameInstant(JapaneseDates.JAPAN).toLocalDate()));
            String state = w.revokedAt() != null ? "REVOKED" : w.holdsOn(today) ? "ACTIVE" : "EXPIRED";
            row.put("state", state);
            row.put("stateWord", Texts.get(language, "waiver.page.state." + state)
                    + (w.revokedBy() == null ? "" : " (" + w.revokedBy() + ")"));
            row.put("revokeAction", "/waivers/" + jp.tenken.web.PageLinks.segment(w.id()) + "/revocation");
            rows.add(row);
        }
        model.put("waivers", rows);
        return model;
    }

    /**
     * A waiver's target as a person reads it ("課: 保育課、年度: 2025"): each key under its label in the
     * page's language ({@code waiver.targetKey.<key>}); a key without a label keeps its name.
     */
    static String targetLabel(Language language, Map<String, Object> target) {
        String separator = Texts.get(language, "waiver.targetKey.separator");
        return target.entrySet().stream()
                .map(e -> Texts.getOr(language, "waiver.targetKey." + e.getKey(), e.getKey()) + ": " + e.getValue())
                .collect(Collectors.joining(separator));
    }

    /**
     * The 'waive' form of a finding: fields {@code organization}, {@code ruleId}, {@code target.<key>},
     * {@code reason}, {@code expiresOn}, {@code returnTo}. Created: 303 back to the page it came
     * from; refused: this list with the errors and the form as typed (400).
     */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> create(Caller caller, @Body Map<String, String> fields) {
        caller.requireRole(Action.WAIVER_WRITE);
        String org = organizations.of(caller, fields.get("organization"));
        Map<String, Object> target = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith("target.") && value != null && !value.isBlank()) {
                target.put(name.substring("target.".length()), value);
            }
        });
        try {
            waivers.create(caller, new WaiverRequest(org, fields.get("ruleId"), target, fields.get("reason"), fields.get("expiresOn")));
            return HttpResponse.seeOther(URI.create(back(fields.get("returnTo"))));
        } catch (DocumentRejectedException e) {
            List<String> errors = e.problems().stream().map(p -> label(p) + p.message(Language.JA)).toList();
            Map<String, String> typed = new LinkedHashMap<>(fields);
            typed.remove("csrfToken");
            return HttpResponse.status(HttpStatus.BAD_REQUEST)
                    .body(new ModelAndView<>("waiver/list", model(caller, org, null, errors, typed, Language.JA)));
        }
    }

    @Post(value = "/{id}/revocation", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> revoke(Caller caller, String id) {
        Waiver waiver = waivers.revoke(caller, id);
        return HttpResponse.seeOther(URI.create("/waivers?revoked&organization=" + jp.tenken.web.PageLinks.query(waiver.organization())));
    }

    /** Only a page of this service: a path, never another site. */
    private static String back(String returnTo) {
        if (returnTo != null && returnTo.startsWith("/") && !returnTo.startsWith("//") && !returnTo.contains("\\")) {
            return returnTo;
        }
        return "/waivers?created";
    }

    private static String label(Problem p) {
        String label = switch (p.path()) {
            case "reason" -> "理由";
            case "expiresOn" -> "有効期限";
            case "ruleId" -> "ルール";
            case "organization" -> "組織";
            default -> p.path().startsWith("target") ? "対象" : "";
        };
        return label.isEmpty() ? "" : label + ": ";
    }
}
