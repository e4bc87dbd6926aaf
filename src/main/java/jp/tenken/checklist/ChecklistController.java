package jp.tenken.checklist;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.List;
import java.util.Map;

/** GET /api/v1/checklists. Checklists are served from the checklists folder once they are loaded (issue 6). */
@Controller("/api/v1/checklists")
class ChecklistController {

    @Get
    List<Map<String, Object>> checklists() {
        return List.of();
    }
}
