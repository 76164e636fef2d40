package nl.notaris.portal.keycloak.accounts;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;

/**
 * {@code /realms/{realm}/portal-accounts}: what the portal's identity-service asks of Keycloak
 * beyond its admin API. See the module's README for the contract.
 */
public class PortalAccountsResource {

    private final KeycloakSession session;

    public PortalAccountsResource(KeycloakSession session) {
        this.session = session;
    }

    /**
     * Makes a single-use set-password link for the user and sends it in e-mail #2 (ONB-2/3).
     * 204 when sent; see {@link SetPasswordEmailCommand} for the error statuses.
     */
    @POST
    @Path("set-password-email")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public Response sendSetPasswordEmail(String body) {
        KeycloakSetPasswordEmailPort port = new KeycloakSetPasswordEmailPort(session);
        SetPasswordEmailCommand.Outcome outcome = new SetPasswordEmailCommand<>(port).execute(body);
        if (outcome.status() == 204) {
            return Response.noContent().build();
        }
        Map<String, String> error = new LinkedHashMap<>();
        error.put("error", outcome.error());
        error.put("error_description", outcome.description());
        Response.ResponseBuilder response = Response.status(outcome.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error);
        if (outcome.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer realm=\"" + session.getContext().getRealm().getName() + "\"");
        }
        return response.build();
    }
}
