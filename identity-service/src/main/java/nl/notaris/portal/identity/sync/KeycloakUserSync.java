package nl.notaris.portal.identity.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import nl.notaris.portal.identity.accounts.AccountReconciler;
import nl.notaris.portal.identity.keycloak.KeycloakAdminClient;
import nl.notaris.portal.identity.keycloak.KeycloakAdminClient.UserRepresentation;

/**
 * Keeps the portal's account records in step with Keycloak for the clients the portal did not invite
 * itself (the demo accounts, one an administrator made in Keycloak): their language, company and
 * whether they are blocked reach the other services as account events. Runs shortly after start-up
 * and then every few minutes; a replica that runs it at the same time changes nothing twice.
 */
@Component
class KeycloakUserSync {

    private static final Logger log = LoggerFactory.getLogger(KeycloakUserSync.class);
    private static final int PAGE = 100;

    private final KeycloakAdminClient keycloak;
    private final AccountReconciler reconciler;

    KeycloakUserSync(KeycloakAdminClient keycloak, AccountReconciler reconciler) {
        this.keycloak = keycloak;
        this.reconciler = reconciler;
    }

    @Scheduled(initialDelayString = "${portal.accounts.sync-initial-delay:5s}", fixedDelayString = "${portal.accounts.sync-interval:5m}")
    void synchronise() {
        try {
            int changed = 0;
            for (int first = 0;; first += PAGE) {
                var page = keycloak.users(first, PAGE);
                for (UserRepresentation user : page) {
                    if (user.attribute("account_type") != null
                            && reconciler.reconcile(user, keycloak.hasPassword(user.id()))) {
                        changed++;
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            if (changed > 0) {
                log.info("Recorded {} account(s) from Keycloak", changed);
            }
        } catch (RuntimeException e) {
            log.warn("Keycloak users not synchronised this time: {}", e.getClass().getSimpleName());
        }
    }
}
