package nl.notaris.portal.gateway.apidocs;

/** The staff API document's introduction (CommonMark): getting a token, the problem answers, paging. */
final class StaffApiDescription {

    private StaffApiDescription() {
    }

    static String text(StaffApiDocsProperties settings) {
        return """
                What the notary office's back-office tools call: client accounts and their invitations, dossiers \
                with their parties and progress, the documents and letters published to a dossier, messages, \
                questionnaires and their answers, and the office's work queue ("Werkvoorraad"). The office \
                workspace ("Kantoor") uses the same API.

                ## Authentication

                Every call carries a bearer token with Keycloak's realm role `staff`. Back-office tools use the \
                client `back-office` (client credentials); its secret comes from the operators:

                ```
                curl -s -d grant_type=client_credentials -d client_id=back-office -d client_secret=<secret> \\
                  %1$s
                ```

                and send the `access_token` of the answer as `Authorization: Bearer <access_token>` to %2$s. \
                When a call answers 401 the token has expired: get a new one the same way. No cookies and no \
                CSRF token are needed with a bearer token.

                On this page: "Authorize" → `bearerToken`, paste the access token; signed in to the office \
                workspace in the same browser, "Try it out" uses that session.

                ## Answers

                JSON (`application/json`) unless an operation says otherwise. A call that creates something \
                answers 201 with its `Location`.

                Every refusal is an RFC 9457 problem (`application/problem+json`, schema `Problem`): `status`, \
                `title`, a `detail` for a person to read and, for invalid input, `errors` naming each field \
                (`[{"field": "parties[1]", "message": "must be an e-mail address"}]`). 400: the request is not \
                valid; 401: no valid token; 403: the token has no `staff` role; 404: there is no such thing; \
                409: it conflicts with the current state (e.g. an e-mail address in use); 413: too large; 415: \
                a body of a type the operation does not take; 503: a part of the portal is not available for a \
                moment, try again shortly (after `Retry-After` seconds where the answer gives them).

                ## Paging

                Lists take `page` (counted from 0, default 0) and `size` (1 to 100, default 20) and answer \
                `{"items": [...], "page": 0, "size": 20, "totalItems": 57, "totalPages": 3}`.
                """.formatted(settings.tokenUrl(), settings.serverUrl());
    }
}
