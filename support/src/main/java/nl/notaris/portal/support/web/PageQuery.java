package nl.notaris.portal.support.web;

import org.springframework.data.domain.PageRequest;

/**
 * The {@code page} and {@code size} query parameters of a list endpoint. A controller method takes
 * it as a parameter; {@link PageQueryResolver} parses and checks it (400 naming the field).
 */
public record PageQuery(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest toPageRequest() {
        return PageRequest.of(page, size);
    }
}
