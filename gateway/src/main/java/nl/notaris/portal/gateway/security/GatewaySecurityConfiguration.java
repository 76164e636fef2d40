package nl.notaris.portal.gateway.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authorization.HttpStatusServerAccessDeniedHandler;
import org.springframework.security.web.server.authorization.ServerWebExchangeDelegatingServerAccessDeniedHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.WebFilter;
import org.springframework.web.util.UriComponentsBuilder;

import nl.notaris.portal.gateway.apidocs.StaffApiDocsRefusals;

import reactor.core.publisher.Mono;

/**
 * The gateway as backend-for-frontend: the browser signs in through Keycloak (authorization code
 * with PKCE) and keeps only an HttpOnly session cookie; tokens stay here and are relayed to the
 * services. Back-office tools send their own bearer tokens to the same routes. Browser calls that
 * change something carry the CSRF token from the readable {@code XSRF-TOKEN} cookie.
 */
@Configuration
class GatewaySecurityConfiguration {

    /**
     * The web app loads only its own scripts, styles, fonts and images and talks only to this
     * gateway; no page may frame it. Its forms post to the gateway only, and signing out posts a
     * form that is redirected to Keycloak, which browsers check against {@code form-action} too.
     */
    static String contentSecurityPolicy(String keycloakUrl) {
        String keycloak = UriComponentsBuilder.fromUriString(keycloakUrl).replacePath(null).toUriString();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self' " + keycloak;
    }
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository clients,
            @Value("${portal.keycloak.end-session-uri}") String endSessionUri,
            @Value("${portal.public-url}") String publicUrl, @Value("${portal.keycloak.public-url}") String keycloakUrl,
            ServerSecurityContextRepository signIns, ServerLogoutHandler backChannelLogout) {
        var authorizationRequests = new DefaultServerOAuth2AuthorizationRequestResolver(clients);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        var csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));

        return http
                // the browser session keeps the sign-in (see sessions.RegisteringSecurityContextRepository)
                .securityContextRepository(signIns)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        // the invitation page's calls, for people who cannot sign in yet
                        .pathMatchers("/api/public/**").permitAll()
                        // the staff API's description: a staff token, or a staff user's browser session
                        .matchers(StaffApiDocsRefusals.PAGES).hasRole("staff")
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2Login(login -> login
                        .authorizationRequestResolver(new AccountActionRequests(authorizationRequests))
                        .authenticationSuccessHandler(new ReturnAfterSignIn())
                        .authenticationFailureHandler(new SignInFailureHandler()))
                // Keycloak ends the gateway's sessions of an account whose sessions it ended (a deleted extra account)
                .oidcLogout(logout -> logout.backChannel(backChannel -> backChannel.logoutHandler(backChannelLogout)))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(realmRolesConverter()))
                        .authenticationEntryPoint(problemOnStaffApiDocs(new BearerTokenServerAuthenticationEntryPoint())))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problemOnStaffApiDocs(new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)))
                        .accessDeniedHandler(forbiddenProblemOnStaffApiDocs()))
                .logout(logout -> logout
                        // the session itself ends, not only its sign-in: a request still running cannot bring it back
                        .logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(new KeycloakLogoutSuccessHandler(endSessionUri, publicUrl)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(keycloakUrl)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicy(permissions -> permissions.policy(PERMISSIONS_POLICY)))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new HeaderCsrfTokenRequestHandler())
                        .requireCsrfProtectionMatcher(browserStateChange()))
                .build();
    }

    /**
     * CSRF applies to cookie-authenticated calls that change state, not to bearer-token calls of tools
     * and not to Keycloak's back-channel logout (a signed logout token, server to server).
     */
    static ServerWebExchangeMatcher browserStateChange() {
        return exchange -> {
            var request = exchange.getRequest();
            if (request.getPath().value().startsWith("/logout/connect/back-channel/")) {
                return ServerWebExchangeMatcher.MatchResult.notMatch();
            }
            HttpMethod method = request.getMethod();
            boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                    || method == HttpMethod.TRACE;
            String authorization = request.getHeaders().getFirst("Authorization");
            boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
            return safe || bearer ? ServerWebExchangeMatcher.MatchResult.notMatch()
                    : ServerWebExchangeMatcher.MatchResult.match();
        };
    }

    /** The staff API's description answers 401 as a problem; the rest of the gateway as it did. */
    static ServerAuthenticationEntryPoint problemOnStaffApiDocs(ServerAuthenticationEntryPoint otherwise) {
        var entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(StaffApiDocsRefusals.PAGES, StaffApiDocsRefusals.unauthorized()));
        entryPoint.setDefaultEntryPoint(otherwise);
        return entryPoint;
    }

    static ServerAccessDeniedHandler forbiddenProblemOnStaffApiDocs() {
        var handler = new ServerWebExchangeDelegatingServerAccessDeniedHandler(
                new ServerWebExchangeDelegatingServerAccessDeniedHandler.DelegateEntry(StaffApiDocsRefusals.PAGES,
                        StaffApiDocsRefusals.forbidden()));
        handler.setDefaultAccessDeniedHandler(new HttpStatusServerAccessDeniedHandler(HttpStatus.FORBIDDEN));
        return handler;
    }

    /** A bearer token's Keycloak realm roles as {@code ROLE_*} authorities. */
    static ReactiveJwtAuthenticationConverterAdapter realmRolesConverter() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> RealmRoles.authorities(jwt.getClaims()));
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /** A browser sign-in's user with the realm roles of its access token, as a bearer token's. */
    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
        return new RealmRolesOidcUserService();
    }

    /**
     * No observation of every security filter, authentication and authorization: per request they cost
     * more than the proxying and nobody reads them (the request's own timer and span stay).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SignInEndedAtKeycloak signInEndedAtKeycloak() {
        return new SignInEndedAtKeycloak();
    }

    /** Writes the XSRF-TOKEN cookie on every response, so the web app always has one to send back. */
    @Bean
    WebFilter csrfCookieFilter() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return token == null ? chain.filter(exchange) : token.then(chain.filter(exchange));
        };
    }
}
