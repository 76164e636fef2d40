package nl.notaris.portal.support.apidocs;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import nl.notaris.portal.support.security.Caller;

/**
 * Every service describes its staff API the same way: the caller and paging parameters as a caller
 * sees them, and on each {@code /api/staff/**} operation the back-office security scheme and the
 * problem+json answers (see {@link StaffApiDocumentation}). The gateway merges the services' staff
 * paths into one document; {@link StaffApiCheck} is the rule each service's test applies.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
public class ApiDocsAutoConfiguration {

    static {
        // taken from the access token, never sent as a parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    GlobalOperationCustomizer pagingParameters() {
        return new PagingParameters();
    }

    @Bean
    GlobalOpenApiCustomizer staffApiDocumentation(@Value("${spring.application.name:portal}") String application,
            // the token endpoint of the issuer the services trust, unless set (the gateway's document sets its own)
            @Value("${portal.api-docs.token-url:${spring.security.oauth2.resourceserver.jwt.issuer-uri:"
                    + "http://localhost:8180/realms/notary-portal}/protocol/openid-connect/token}") String tokenUrl) {
        return new StaffApiDocumentation(application, tokenUrl);
    }
}
