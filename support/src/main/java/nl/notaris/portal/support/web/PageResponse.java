package nl.notaris.portal.support.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/** The page object every list endpoint returns. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(),
                page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
