package nl.notaris.portal.identity;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Keycloak's admin REST API as this service uses it, for the integration tests (the end-to-end tests
 * use the real Keycloak): users with attributes, realm roles, credentials, sessions, deletion, the
 * stored user events and the realm's set-password endpoint. Answers with Keycloak's documented JSON
 * and demands this service's client credentials and the token they give.
 */
public final class FakeKeycloak {

    static final List<String> REALM_ROLES = List.of("client", "company-admin", "staff");

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    public final Map<String, Map<String, Object>> users = new ConcurrentHashMap<>();
    public final Map<String, List<String>> roles = new ConcurrentHashMap<>();
    public final Map<String, Boolean> passwords = new ConcurrentHashMap<>();
    /** Credentials besides the password, as Keycloak lists them ({@code type}, {@code credentialData}, …). */
    public final Map<String, List<Map<String, Object>>> otherCredentials = new ConcurrentHashMap<>();
    public final List<String> loggedOut = new CopyOnWriteArrayList<>();
    /** The set-password e-mails Keycloak sent. */
    public final List<Map<String, Object>> setPasswordEmails = new CopyOnWriteArrayList<>();
    /** The user id of every set-password request that arrived, also those held or failed. */
    public final List<String> setPasswordEmailRequests = new CopyOnWriteArrayList<>();
    private final Map<String, CountDownLatch> heldSetPasswordEmails = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failingSetPasswordEmails = new ConcurrentHashMap<>();
    private final java.util.Queue<Map<String, Object>> userRefusals = new ConcurrentLinkedQueue<>();
    public final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();

    public FakeKeycloak() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/realms/notary-portal/protocol/openid-connect/token", this::token);
        server.createContext("/realms/notary-portal/portal-accounts/set-password-email", this::setPasswordEmail);
        server.createContext("/admin/realms/notary-portal/", this::admin);
        // a held request must not hold up the others
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A user as the realm import makes them: with a password, attributes and the client role. */
    public String user(String email, String accountType, String companyId, String locale, boolean withPassword) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id);
        user.put("username", email);
        user.put("email", email);
        user.put("firstName", "Test");
        user.put("lastName", "Gebruiker");
        user.put("enabled", true);
        user.put("emailVerified", true);
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("account_type", List.of(accountType));
        attributes.put("locale", List.of(locale));
        if (companyId != null) {
            attributes.put("company_id", List.of(companyId));
            attributes.put("company_name", List.of("Bedrijf " + companyId));
        }
        user.put("attributes", attributes);
        users.put(id, user);
        passwords.put(id, withPassword);
        return id;
    }

    /** Keycloak stored that a password was set for the user. */
    public String passwordSet(String userId) {
        String id = UUID.randomUUID().toString();
        events.add(Map.of("id", id, "time", System.currentTimeMillis(), "type", "UPDATE_CREDENTIAL", "userId", userId,
                "details", Map.of("credential_type", "password")));
        passwords.put(userId, true);
        return id;
    }

    /**
     * Keycloak stored a sign-in ({@code LOGIN}) or a failed attempt ({@code LOGIN_ERROR} with its error) of the user,
     * at {@code time} (epoch milliseconds), from {@code ipAddress}, with the details the realm's steps add.
     */
    public void signIn(String userId, long time, String type, String ipAddress, String error, Map<String, String> details) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", UUID.randomUUID().toString());
        event.put("time", time);
        event.put("type", type);
        event.put("realmId", "notary-portal");
        event.put("clientId", "portal-gateway");
        event.put("userId", userId);
        event.put("ipAddress", ipAddress);
        if (error != null) {
            event.put("error", error);
        }
        event.put("details", details);
        events.add(event);
    }

    /** While true the events API answers 503, like a Keycloak that is down. */
    public volatile boolean eventsUnavailable;

    /**
     * The user's set-password requests wait (at most a minute) until the returned latch is counted
     * down, like a Keycloak that is slow to answer.
     */
    public CountDownLatch holdSetPasswordEmails(String userId) {
        return heldSetPasswordEmails.computeIfAbsent(userId, id -> new CountDownLatch(1));
    }

    /** The user's next {@code times} set-password requests are answered 503, like a Keycloak that is down. */
    public void failSetPasswordEmails(String userId, int times) {
        failingSetPasswordEmails.put(userId, new AtomicInteger(times));
    }

    public long setPasswordEmailRequestsFor(String userId) {
        return setPasswordEmailRequests.stream().filter(userId::equals).count();
    }

    public long setPasswordEmailsTo(String userId) {
        return setPasswordEmails.stream().filter(sent -> userId.equals(sent.get("userId"))).count();
    }

    /** The next user creation is refused with 400 and this body, as Keycloak's user profile refuses a value. */
    public void refuseNextUser(Map<String, Object> error) {
        userRefusals.add(error);
    }

    public String idOf(String email) {
        return users.values().stream().filter(u -> email.equalsIgnoreCase((String) u.get("email")))
                .map(u -> (String) u.get("id")).findFirst().orElse(null);
    }

    public void stop() {
        server.stop(0);
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean valid = form.contains("grant_type=client_credentials") && form.contains("client_id=identity-service")
                && form.contains("client_secret=identity-service-local-secret");
        respond(exchange, valid ? 200 : 401, valid
                ? Map.of("access_token", "admin-token", "expires_in", 300, "token_type", "Bearer")
                : Map.of("error", "unauthorized_client"));
    }

    private boolean authorised(HttpExchange exchange) throws IOException {
        if (!"Bearer admin-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, Map.of());
            return false;
        }
        return true;
    }

    private void setPasswordEmail(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        Map<String, Object> body = JSON.readValue(exchange.getRequestBody(), Map.class);
        String userId = String.valueOf(body.get("userId"));
        setPasswordEmailRequests.add(userId);
        CountDownLatch held = heldSetPasswordEmails.get(userId);
        if (held != null) {
            try {
                held.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        AtomicInteger failing = failingSetPasswordEmails.get(userId);
        if (failing != null && failing.getAndDecrement() > 0) {
            respond(exchange, 503, Map.of("error", "unavailable"));
            return;
        }
        if (!users.containsKey(userId)) {
            respond(exchange, 404, Map.of());
            return;
        }
        setPasswordEmails.add(body);
        respond(exchange, 204, null);
    }

    @SuppressWarnings("unchecked")
    private void admin(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        String path = exchange.getRequestURI().getPath().substring("/admin/realms/notary-portal/".length());
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String method = exchange.getRequestMethod();
        String[] parts = path.split("/");
        if (parts[0].equals("users") && parts.length == 1 && method.equals("GET")) {
            List<Object> found = new ArrayList<>(users.values().stream()
                    .filter(u -> !query.containsKey("email") || query.get("email").equalsIgnoreCase((String) u.get("email")))
                    .toList());
            int first = Integer.parseInt(query.getOrDefault("first", "0"));
            int max = Integer.parseInt(query.getOrDefault("max", "100"));
            respond(exchange, 200, found.subList(Math.min(first, found.size()), Math.min(first + max, found.size())));
        } else if (parts[0].equals("users") && parts.length == 1 && method.equals("POST")) {
            Map<String, Object> user = JSON.readValue(exchange.getRequestBody(), Map.class);
            Map<String, Object> refusal = userRefusals.poll();
            if (refusal != null) {
                respond(exchange, 400, refusal);
                return;
            }
            if (idOf((String) user.get("email")) != null) {
                respond(exchange, 409, Map.of("errorMessage", "User exists with same email"));
                return;
            }
            String id = UUID.randomUUID().toString();
            user.put("id", id);
            users.put(id, user);
            passwords.put(id, false);
            exchange.getResponseHeaders().set("Location", url() + "/admin/realms/notary-portal/users/" + id);
            respond(exchange, 201, null);
        } else if (parts[0].equals("users") && parts.length == 2) {
            Map<String, Object> user = users.get(parts[1]);
            if (user == null) {
                respond(exchange, 404, Map.of());
            } else if (method.equals("GET")) {
                respond(exchange, 200, user);
            } else if (method.equals("PUT")) {
                Map<String, Object> update = JSON.readValue(exchange.getRequestBody(), Map.class);
                user.put("attributes", update.get("attributes"));
                respond(exchange, 204, null);
            } else if (method.equals("DELETE")) {
                users.remove(parts[1]);
                respond(exchange, 204, null);
            }
        } else if (parts[0].equals("users") && parts.length == 3 && parts[2].equals("credentials")) {
            List<Map<String, Object>> credentials = new ArrayList<>();
            if (Boolean.TRUE.equals(passwords.get(parts[1]))) {
                credentials.add(Map.of("id", "c1", "type", "password"));
            }
            credentials.addAll(otherCredentials.getOrDefault(parts[1], List.of()));
            respond(exchange, 200, credentials);
        } else if (parts[0].equals("users") && parts.length == 3 && parts[2].equals("logout")) {
            loggedOut.add(parts[1]);
            respond(exchange, 204, null);
        } else if (parts[0].equals("users") && parts.length == 4 && parts[2].equals("role-mappings")) {
            List<Map<String, Object>> granted = JSON.readValue(exchange.getRequestBody(), List.class);
            roles.put(parts[1], granted.stream().map(r -> (String) r.get("name")).toList());
            respond(exchange, 204, null);
        } else if (parts[0].equals("users") && parts.length == 5 && parts[4].equals("available")) {
            // like Keycloak, the only way to the roles' ids for a caller with manage-users but not view-realm
            List<String> granted = roles.getOrDefault(parts[1], List.of());
            respond(exchange, 200, REALM_ROLES.stream().filter(name -> !granted.contains(name))
                    .map(name -> Map.of("id", "role-" + name, "name", name)).toList());
        } else if (parts[0].equals("roles")) {
            // identity-service's service account has no view-realm
            respond(exchange, 403, Map.of("error", "HTTP 403 Forbidden"));
        } else if (parts[0].equals("events")) {
            if (eventsUnavailable) {
                respond(exchange, 503, Map.of("error", "unavailable"));
                return;
            }
            // like Keycloak: any of the given types, of the given user, newest first, one page
            Map<String, List<String>> params = queryAll(exchange.getRequestURI().getRawQuery());
            List<String> types = params.getOrDefault("type", List.of());
            List<Map<String, Object>> newestFirst = new ArrayList<>(events.stream()
                    .filter(e -> types.isEmpty() || types.contains(e.get("type")))
                    .filter(e -> !params.containsKey("user") || params.get("user").get(0).equals(e.get("userId")))
                    .sorted(java.util.Comparator.comparing(e -> ((Number) e.get("time")).longValue()))
                    .toList()).reversed();
            int first = Integer.parseInt(query.getOrDefault("first", "0"));
            int max = Integer.parseInt(query.getOrDefault("max", "100"));
            respond(exchange, 200, newestFirst.subList(Math.min(first, newestFirst.size()),
                    Math.min(first + max, newestFirst.size())));
        } else {
            respond(exchange, 404, Map.of());
        }
    }

    private static Map<String, List<String>> queryAll(String raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                values.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), name -> new ArrayList<>())
                        .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
