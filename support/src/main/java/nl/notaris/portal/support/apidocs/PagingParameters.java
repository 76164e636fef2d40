package nl.notaris.portal.support.apidocs;

import java.util.ArrayList;
import java.util.Arrays;

import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import nl.notaris.portal.support.web.PageQuery;

/** A {@link PageQuery} controller parameter is the {@code page} and {@code size} query parameters of every list. */
class PagingParameters implements GlobalOperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        boolean paged = Arrays.stream(handlerMethod.getMethodParameters())
                .anyMatch(parameter -> parameter.getParameterType() == PageQuery.class);
        if (!paged) {
            return operation;
        }
        var parameters = new ArrayList<Parameter>();
        if (operation.getParameters() != null) {
            // springdoc's guess: one query parameter of the record's type
            operation.getParameters().stream()
                    .filter(p -> p.getSchema() == null || p.getSchema().get$ref() == null
                            || !p.getSchema().get$ref().endsWith("/PageQuery"))
                    .forEach(parameters::add);
        }
        parameters.add(new Parameter().in("query").name("page").required(false)
                .description("The page, counted from 0.")
                .schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO)._default(0)));
        parameters.add(new Parameter().in("query").name("size").required(false)
                .description("Items per page, 1 to " + PageQuery.MAX_SIZE + ".")
                .schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                        .maximum(java.math.BigDecimal.valueOf(PageQuery.MAX_SIZE))._default(PageQuery.DEFAULT_SIZE)));
        return operation.parameters(parameters);
    }
}
