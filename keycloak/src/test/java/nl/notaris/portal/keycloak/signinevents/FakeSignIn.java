package nl.notaris.portal.keycloak.signinevents;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

/**
 * One request of a sign-in, in memory: Keycloak's own {@link EventBuilder} (for a realm that stores nothing), the
 * browser's headers and form, and a flow or required-action context. The first thing a step does with the context
 * besides reading the request and the event is where Keycloak's own code takes over: the details the event has at
 * that moment are kept in {@link #detailsWhenKeycloakTookOver}, and the call ends there ({@link KeycloakTookOver}).
 */
final class FakeSignIn {

    static final String FIREFOX_ON_WINDOWS =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    final EventBuilder event = eventBuilder();
    final MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
    final Map<String, String> headers = new HashMap<>();
    Map<String, String> detailsWhenKeycloakTookOver;
    String keycloaksFirstCall;
    boolean succeeded;

    static final class KeycloakTookOver extends RuntimeException {
        KeycloakTookOver(String method) {
            super("Keycloak's code called " + method);
        }
    }

    FakeSignIn userAgent(String value) {
        headers.put(HttpHeaders.USER_AGENT, value);
        return this;
    }

    FakeSignIn posted(String field, String value) {
        form.add(field, value);
        return this;
    }

    Map<String, String> details() {
        return event.getEvent().getDetails() == null ? Map.of() : Map.copyOf(event.getEvent().getDetails());
    }

    HttpRequest request() {
        HttpHeaders httpHeaders = proxy(HttpHeaders.class, (name, args) -> switch (name) {
            case "getHeaderString" -> headers.get((String) args[0]);
            default -> throw new UnsupportedOperationException(name);
        });
        return proxy(HttpRequest.class, (name, args) -> switch (name) {
            case "getHttpHeaders" -> httpHeaders;
            case "getDecodedFormParameters" -> form;
            case "getHttpMethod" -> "POST";
            default -> throw new UnsupportedOperationException(name);
        });
    }

    AuthenticationFlowContext flowContext() {
        HttpRequest request = request();
        return proxy(AuthenticationFlowContext.class, (name, args) -> switch (name) {
            case "getEvent" -> event;
            case "getHttpRequest" -> request;
            default -> throw tookOver(name);
        });
    }

    RequiredActionContext requiredActionContext() {
        HttpRequest request = request();
        return proxy(RequiredActionContext.class, (name, args) -> switch (name) {
            case "getEvent" -> event;
            case "getHttpRequest" -> request;
            case "success" -> {
                succeeded = true;
                yield null;
            }
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private KeycloakTookOver tookOver(String method) {
        if (detailsWhenKeycloakTookOver == null) {
            detailsWhenKeycloakTookOver = details();
            keycloaksFirstCall = method;
        }
        return new KeycloakTookOver(method);
    }

    /** Keycloak's own event builder, for a realm that stores no events and has no listeners. */
    private static EventBuilder eventBuilder() {
        RealmModel realm = proxy(RealmModel.class, (name, args) -> switch (name) {
            case "isEventsEnabled" -> false;
            case "getEventsListenersStream" -> Stream.empty();
            case "getId" -> "realm-1";
            case "getName" -> "notary-portal";
            default -> throw new UnsupportedOperationException(name);
        });
        KeycloakSessionFactory factory = proxy(KeycloakSessionFactory.class, (name, args) -> switch (name) {
            case "getProviderFactoriesStream" -> Stream.empty();
            default -> throw new UnsupportedOperationException(name);
        });
        KeycloakSession session = proxy(KeycloakSession.class, (name, args) -> switch (name) {
            case "getProvider" -> null;
            case "getKeycloakSessionFactory" -> factory;
            default -> throw new UnsupportedOperationException(name);
        });
        return new EventBuilder(realm, session);
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(FakeSignIn.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> answer.answer(method.getName(), args);
                });
    }
}
