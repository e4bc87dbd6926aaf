package jp.tenken.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
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

/**
 * Renders a page's {@link ModelAndView} with its Thymeleaf template, in place of Micronaut Views'
 * own {@link ViewsFilter}. That filter is of the older kind ({@code HttpServerFilter}); behind
 * the CSRF filter, which reads a form's body before letting the request on, it made Micronaut
 * 4.10 fail every form post of more than a few fields with a NullPointerException in
 * {@code AroundLegacyFilter} (micronaut-core issue 11341). This filter does the same work as a
 * response filter of the current kind: the model decorated as Micronaut Views decorates it (the
 * CSRF token as {@code csrfToken}), the template rendered as UTF-8 HTML.
 */
@Replaces(ViewsFilter.class)
// Pages only: an API request never runs this filter (each filter costs every request a little).
@ServerFilter(value = "^(?!/api/).*$", patternStyle = FilterPatternStyle.REGEX)
class PageRenderer implements Ordered {

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
        if (!(response.body() instanceof ModelAndView<?> page) || page.getView().isEmpty()) {
            return;
        }
        String view = page.getView().get();
        decorator.decorate(request, page);
        Object model = page.getModel().orElse(null);
        ViewsRenderer renderer = renderers.resolveViewsRenderer(view, MediaType.TEXT_HTML, model)
                .orElseThrow(() -> new ViewNotFoundException("no template renders " + view));
        Writable html = renderer.render(view, model, request);
        ((MutableHttpResponse<Object>) response).body(html).contentType(MediaType.TEXT_HTML + ";charset=utf-8");
    }
}
