package nl.notaris.portal.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.session.events.SessionCreatedEvent;
import org.springframework.session.events.SessionDeletedEvent;

import com.mongodb.reactivestreams.client.MongoClients;

import nl.notaris.portal.gateway.TestMongo;

/** The shared session store and the registry Keycloak's back-channel logout consults, on the MongoDB wire-protocol server. */
class SessionStoreIT {

    static final String ISSUER = "http://localhost:8180/realms/notary-portal";

    final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(MongoClients.create(TestMongo.uri()),
            "sessions-" + UUID.randomUUID());
    final List<Object> events = new CopyOnWriteArrayList<>();
    final SessionStore sessions = new SessionStore(mongo, Duration.ofMinutes(30), events::add, Clock.systemUTC());
    final MongoOidcSessionRegistry registry = new MongoOidcSessionRegistry(mongo);

    /**
     * The store and the registry create their indexes in the background when they are made; the in-memory
     * wire-protocol server once failed a test's first query that raced that ("Unknown error: null").
     */
    @BeforeEach
    void indexesCreated() {
        Instant until = Instant.now().plusSeconds(20);
        while (indexes(MongoOidcSessionRegistry.COLLECTION) < 4 || indexes(SessionStore.SESSIONS) < 2) {
            assertThat(Instant.now()).as("indexes created").isBefore(until);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private int indexes(String collection) {
        return mongo.indexOps(collection).getIndexInfo().collectList().onErrorReturn(List.of()).block().size();
    }

    /** A request that was running while the session ended saves it at its end; the session stays ended. */
    @Test
    void anEndedSessionIsNotBroughtBackByARequestThatWasStillRunning() {
        var created = sessions.createSession().block();
        created.setAttribute("signedIn", "anna");
        sessions.save(created).block();
        var inFlight = sessions.findById(created.getId()).block();

        sessions.deleteById(created.getId()).block();
        inFlight.setLastAccessedTime(Instant.now());
        sessions.save(inFlight).block();

        assertThat(sessions.findById(created.getId()).block()).isNull();
    }

    /** Two replicas serve requests of one session at the same time: each writes what it changed, nothing is lost. */
    @Test
    void aRequestWritesOnlyTheAttributesItChanged() {
        var created = sessions.createSession().block();
        created.setAttribute("kept", "as it was");
        sessions.save(created).block();
        var first = sessions.findById(created.getId()).block();
        var second = sessions.findById(created.getId()).block();

        first.setAttribute("one.replica", "first");
        second.setAttribute("other$replica", "second");
        sessions.save(first).block();
        sessions.save(second).block();

        var read = sessions.findById(created.getId()).block();
        assertThat(read.getAttributeNames()).containsExactlyInAnyOrder("kept", "one.replica", "other$replica");
        assertThat((String) read.getAttribute("one.replica")).isEqualTo("first");
        assertThat((String) read.getAttribute("other$replica")).isEqualTo("second");
        assertThat((String) read.getAttribute("kept")).isEqualTo("as it was");

        read.removeAttribute("kept");
        sessions.save(read).block();
        assertThat(sessions.findById(created.getId()).block().getAttributeNames()).doesNotContain("kept");
    }

    /** A request that only uses the session writes nothing; its last access is written once a minute. */
    @Test
    void theLastAccessIsWrittenOnceAMinute() {
        var created = sessions.createSession().block();
        created.setAttribute("signedIn", "anna");
        sessions.save(created).block();
        Instant stored = sessions.findById(created.getId()).block().getLastAccessedTime();

        var soon = sessions.findById(created.getId()).block();
        soon.setLastAccessedTime(stored.plusSeconds(59));
        sessions.save(soon).block();
        assertThat(sessions.findById(created.getId()).block().getLastAccessedTime()).isEqualTo(stored);

        var later = sessions.findById(created.getId()).block();
        later.setLastAccessedTime(stored.plusSeconds(60));
        sessions.save(later).block();
        assertThat(sessions.findById(created.getId()).block().getLastAccessedTime()).isEqualTo(stored.plusSeconds(60));
    }

    @Test
    void aSessionUnusedForItsIdleTimeIsNotFound() {
        var created = sessions.createSession().block();
        created.setAttribute("signedIn", "anna");
        created.setLastAccessedTime(Instant.now().minus(Duration.ofMinutes(31)));
        sessions.save(created).block();

        assertThat(sessions.findById(created.getId()).block()).isNull();
    }

    /** At sign-in the session gets a new id (against session fixation): it keeps its attributes, the old id ends. */
    @Test
    void aChangedIdTakesTheAttributesAlongAndEndsTheOldId() {
        var created = sessions.createSession().block();
        created.setAttribute("signIn", "in progress");
        sessions.save(created).block();
        String oldId = created.getId();

        var signedIn = sessions.findById(oldId).block();
        String newId = signedIn.changeSessionId();
        signedIn.setAttribute("signedIn", "anna");
        sessions.save(signedIn).block();

        assertThat(sessions.findById(oldId).block()).isNull();
        var read = sessions.findById(newId).block();
        assertThat((String) read.getAttribute("signIn")).isEqualTo("in progress");
        assertThat((String) read.getAttribute("signedIn")).isEqualTo("anna");
    }

    @Test
    void startingAndEndingASessionAreAnnounced() {
        var created = sessions.createSession().block();
        sessions.save(created).block();
        sessions.deleteById(created.getId()).block();

        assertThat(events).hasExactlyElementsOfTypes(SessionCreatedEvent.class, SessionDeletedEvent.class);
    }

    @Test
    void keycloaksBackChannelLogoutEndsTheNamedBrowserSessionInTheStore() {
        var signedIn = sessions.createSession().block();
        sessions.save(signedIn).block();
        var other = sessions.createSession().block();
        sessions.save(other).block();
        registry.register(signedIn.getId(), user("noor", "kc-8")).block();
        registry.register(other.getId(), user("noor", "kc-9")).block();

        new BackChannelLogout(registry, sessions)
                .logout(null, new TestingAuthenticationToken(logoutToken("noor", "kc-8", "portal-gateway"), null)).block();

        assertThat(sessions.findById(signedIn.getId()).block()).isNull();
        assertThat(sessions.findById(other.getId()).block()).isNotNull();
    }

    @Test
    void aLogoutTokenWithAKeycloakSessionNamesExactlyThatBrowserSession() {
        register("gw-1", "anna", "kc-1");
        register("gw-2", "anna", "kc-2");

        assertThat(registry.removeSessionInformation(logoutToken("anna", "kc-1", "portal-gateway")).collectList().block())
                .singleElement().satisfies(info -> {
                    assertThat(info.getSessionId()).isEqualTo("gw-1");
                    assertThat(info.getPrincipal().getSubject()).isEqualTo("anna");
                });
        assertThat(registry.removeSessionInformation("gw-2").block()).isNotNull();
    }

    @Test
    void aLogoutTokenWithoutAKeycloakSessionNamesEveryBrowserSessionOfTheAccount() {
        register("gw-3", "piet", "kc-3");
        register("gw-4", "piet", "kc-4");
        register("gw-5", "sanne", "kc-5");

        assertThat(registry.removeSessionInformation(logoutToken("piet", null, "portal-gateway")).collectList().block())
                .extracting(OidcSessionInformation::getSessionId).containsExactlyInAnyOrder("gw-3", "gw-4");
        assertThat(registry.removeSessionInformation("gw-5").block()).isNotNull();
    }

    @Test
    void aLogoutTokenForAnotherClientNamesNothingAndSpringsEarlyRegistrationIsIgnored() {
        register("gw-6", "anna", "kc-6");
        var user = user("anna", "kc-7");
        registry.saveSessionInformation(new OidcSessionInformation("id-before-sign-in", Map.of(), user)).block();

        assertThat(registry.removeSessionInformation(logoutToken("anna", "kc-6", "another-client")).collectList().block())
                .isEmpty();
        assertThat(registry.removeSessionInformation(logoutToken("anna", "kc-7", "portal-gateway")).collectList().block())
                .isEmpty();
        assertThat(registry.removeSessionInformation("gw-6").block()).isNotNull();
        assertThat(registry.removeSessionInformation("gw-6").block()).isNull();
    }

    private void register(String browserSession, String subject, String keycloakSession) {
        registry.register(browserSession, user(subject, keycloakSession)).block();
    }

    private static DefaultOidcUser user(String subject, String keycloakSession) {
        var idToken = OidcIdToken.withTokenValue("id-token").issuer(ISSUER).subject(subject)
                .audience(Set.of("portal-gateway")).claim("sid", keycloakSession).build();
        return new DefaultOidcUser(Set.of(), idToken);
    }

    private static OidcLogoutToken logoutToken(String subject, String keycloakSession, String audience) {
        var token = OidcLogoutToken.withTokenValue("logout-token").issuer(ISSUER).subject(subject)
                .audience(Set.of(audience)).claim("jti", UUID.randomUUID().toString())
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
        if (keycloakSession != null) {
            token.sessionId(keycloakSession);
        }
        return token.build();
    }
}
