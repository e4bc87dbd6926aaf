package jp.tenken.checklist;

import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import jp.tenken.api.NotFoundException;
import jp.tenken.api.Requests;
import jp.tenken.engine.Language;

import java.util.List;
import java.util.Map;

/** GET /api/v1/checklists and /{id}: the checklists as loaded, questions in the reader's language. */
@Controller("/api/v1/checklists")
class ChecklistController {

    private final ChecklistRegistry registry;

    ChecklistController(ChecklistRegistry registry) {
        this.registry = registry;
    }

    @Get
    List<Checklist> checklists(HttpRequest<?> request, Caller caller) {
        caller.requireRole(Action.CATALOGUE_READ);
        Language language = Requests.language(request);
        return registry.all().stream().map(c -> localized(c, language)).toList();
    }

    /** The current version, or with {@code ?version=} an earlier one still readable (CONTRACT §15); 404 for a version not kept. */
    @Get("/{id}{?version}")
    Checklist checklist(HttpRequest<?> request, Caller caller, String id, @Nullable @QueryValue String version) {
        caller.requireRole(Action.CATALOGUE_READ);
        if (version != null && registry.checklist(id).isPresent() && registry.checklist(id, version).isEmpty()) {
            throw new NotFoundException("checklist.version-not-found", Map.of("id", id, "version", version));
        }
        return registry.checklist(id, version).map(c -> localized(c, Requests.language(request)))
                .orElseThrow(() -> new NotFoundException("checklist.not-found", Map.of("id", id)));
    }

    /** In English the question, title and chapter are the English ones; the Japanese stay in the data. */
    private static Checklist localized(Checklist checklist, Language language) {
        if (language == Language.JA) {
            return checklist;
        }
        List<ChecklistItem> items = checklist.items().stream().map(i -> new ChecklistItem(i.id(),
                jp.tenken.i18n.Texts.getOr(language, "checklist.chapter." + i.chapter(), i.chapter()),
                i.question(language), i.questionEn(), i.severity(), i.answerType(), i.evidenceRequired(), i.naAllowed(),
                i.dependsOn(), i.threshold(), i.applicability(), i.isoRefs(), i.guidance(), i.scope())).toList();
        return new Checklist(checklist.id(), checklist.version(),
                checklist.titleEn() == null ? checklist.title() : checklist.titleEn(), checklist.titleEn(), checklist.basis(), items,
                checklist.supersedes());
    }
}
