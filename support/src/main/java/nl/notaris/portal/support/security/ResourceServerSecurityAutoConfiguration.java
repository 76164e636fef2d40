package nl.notaris.portal.support.security;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import jakarta.servlet.DispatcherType;
import nl.notaris.portal.support.problem.ProblemJson;

/**
 * Every service is a stateless resource server: bearer tokens only, no session, no CSRF (no cookies
 * are accepted), 401 for anonymous calls. Staff endpoints need the {@code staff} realm role; the
 * client API needs {@code client}; {@code /internal/**} (calls between services with the caller's
 * token) needs any valid token and checks the object itself.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ResourceServerSecurityAutoConfiguration {

    /**
     * No observation of every security filter, authentication and authorization: per request they cost
     * more than the checks themselves and nobody reads them (the request's own timer and span stay).
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The token decoder, Spring Boot's from the issuer's settings, verifies each token once ({@link VerifiedTokens}). */
    @Bean
    static BeanPostProcessor verifiedTokens(ObjectProvider<Clock> clock) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens)
                        ? new VerifiedTokens(decoder, clock.getIfAvailable(Clock::systemUTC)) : bean;
            }
        };
    }

    /** The firewall's checks of header names and values without regular expressions ({@link HeaderCharacters}). */
    @Bean
    WebSecurityCustomizer headerCharacters() {
        return web -> web.httpFirewall(HeaderCharacters.firewall());
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain resourceServerFilterChain(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            ProblemJson.write(response, 401, "Unauthorized", "Sign in to use the portal.");
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                ProblemJson.write(response, 403, "Forbidden", "Your account may not do this.");
        http.authorizeHttpRequests(auth -> auth
                        // the error page renders the problem of a request that was already decided
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        // operators replay dead letters from inside the pod (kubectl exec, port-forward), never through the network
                        .requestMatchers("/actuator/deadletters", "/actuator/deadletters/**", "/actuator/trail").access(fromThisMachine())
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // pages for people who are not signed in yet (the invitation link); they disclose nothing
                        .requestMatchers("/api/public/**").permitAll()
                        .requestMatchers("/api/staff/**").hasRole("staff")
                        .requestMatchers("/api/**").hasAnyRole("client", "staff")
                        // service to service, never routed by the gateway; the endpoint checks the caller
                        .requestMatchers("/internal/**").authenticated()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(new AuthorizationHeaderTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakRealmRolesConverter()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> fromThisMachine() {
        return (authentication, context) -> {
            String address = context.getRequest().getRemoteAddr();
            boolean loopback = address != null && (address.equals("127.0.0.1") || address.equals("0:0:0:0:0:0:0:1")
                    || address.equals("::1"));
            return new AuthorizationDecision(loopback);
        };
    }
}
