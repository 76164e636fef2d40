package nl.notaris.portal.support.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Reads {@link PageQuery} from {@code ?page=&size=}: page 0 or more, size 1 to {@value PageQuery#MAX_SIZE}. */
class PageQueryResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageQuery.class;
    }

    @Override
    public PageQuery resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        int page = number(request.getParameter("page"), "page", 0);
        int size = number(request.getParameter("size"), "size", PageQuery.DEFAULT_SIZE);
        if (page < 0) {
            throw new InvalidRequestException("page", "page must be 0 or more.");
        }
        if (size < 1 || size > PageQuery.MAX_SIZE) {
            throw new InvalidRequestException("size", "size must be between 1 and " + PageQuery.MAX_SIZE + ".");
        }
        return new PageQuery(page, size);
    }

    private static int number(String value, String field, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(field, field + " must be a whole number.");
        }
    }
}
