package jp.tenken.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsFilter;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import io.micronaut.views.exceptions.ViewNotFoundException;
import jp.tenken.api.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;

/**
 * Renders a page's {@link ModelAndView} with its Thymeleaf template, in place of Micronaut Views'
 * own {@link ViewsFilter}. That filter is of the older kind ({@code HttpServerFilter}); behind
 * the CSRF filter, which reads a form's body before letting the request on, it made Micronaut
 * 4.10 fail every form post of more than a few fields with a NullPointerException in
 * {@code AroundLegacyFilter} (micronaut-core issue 11341). This filter does the same work as a
 * response filter of the current kind: the model decorated as Micronaut Views decorates it (the
 * CSRF token as {@code csrfToken}), the template rendered as UTF-8 HTML. (Micronaut Views 5 mostly
 * renders a returned ModelAndView into a Writable before this filter; either way the page is
 * rendered here into text, so that a failing template is a 500 page rather than no answer.)
 */
@Replaces(ViewsFilter.class)
// Pages only: an API request never runs this filter (each filter costs every request a little).
@ServerFilter(value = "^(?!/api/).*$", patternStyle = FilterPatternStyle.REGEX)
class PageRenderer implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(PageRenderer.class);
    /** Most pages are 10–60 KB of HTML; the 114-item form about 195 KB. */
    private static final int INITIAL_PAGE_CHARS = 32 * 1024;

    private final ViewsModelDecorator decorator;
    private final ViewsRendererLocator renderers;

    PageRenderer(ViewsModelDecorator decorator, ViewsRendererLocator renderers) {
        this.decorator = decorator;
        this.renderers = renderers;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.order();
    }

    @ResponseFilter
    @SuppressWarnings({"unchecked", "rawtypes"})
    void render(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Writable html;
        if (response.body() instanceof ModelAndView<?> page && page.getView().isPresent()) {
            String view = page.getView().get();
            decorator.decorate(request, page);
            Object model = page.getModel().orElse(null);
            ViewsRenderer renderer = renderers.resolveViewsRenderer(view, MediaType.TEXT_HTML, model)
                    .orElseThrow(() -> new ViewNotFoundException("no template renders " + view));
            html = renderer.render(view, model, request);
        } else if (response.body() instanceof Writable template && isHtml(response)) {
            // Micronaut Views 5 turns a returned ModelAndView into its template's Writable itself, before
            // any response filter; the page is rendered from it all the same.
            html = template;
        } else {
            return;
        }
        // Rendered here, before the answer is on its way: a template that fails while the body is
        // being written leaves the browser waiting for an answer that never comes (micronaut-views
        // issue 832). Failing here, the page is a 500 that ErrorPages shows in Japanese.
        StringWriter rendered = new StringWriter(INITIAL_PAGE_CHARS);
        try {
            html.writeTo(rendered);
        } catch (IOException | RuntimeException e) {
            LOG.error("The page {} could not be rendered", request.getPath(), e);
            ((MutableHttpResponse<Object>) response).status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .body(ErrorResponse.of("page_failed", "ページを表示できませんでした。もう一度開いても同じときは、管理者に連絡してください"))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
            return;
        }
        ((MutableHttpResponse<Object>) response).body(rendered.toString()).contentType(MediaType.TEXT_HTML + ";charset=utf-8");
    }

    private static boolean isHtml(MutableHttpResponse<?> response) {
        return response.getContentType().map(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype())).orElse(false);
    }
}
