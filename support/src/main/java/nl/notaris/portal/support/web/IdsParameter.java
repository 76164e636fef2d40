package nl.notaris.portal.support.web;

import java.util.LinkedHashSet;
import java.util.List;

/** A repeatable id parameter ({@code dossierId=a&dossierId=b}) for the items of one page of a list. */
public final class IdsParameter {

    /** A page of a list holds at most 100 items ({@link PageQuery}). */
    public static final int MAX = 100;

    private IdsParameter() {
    }

    /** The ids, each once and in their order; none, only blanks or more than {@value #MAX}: a 400 naming the parameter. */
    public static List<String> distinct(List<String> ids, String parameter) {
        List<String> distinct = ids == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(ids.stream().filter(id -> id != null && !id.isBlank()).toList()));
        if (distinct.isEmpty() || distinct.size() > MAX) {
            throw new InvalidRequestException(parameter,
                    "Give 1 to " + MAX + " ids (" + parameter + "=…&" + parameter + "=…).");
        }
        return distinct;
    }
}
