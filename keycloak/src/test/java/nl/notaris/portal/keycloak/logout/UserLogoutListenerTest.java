package nl.notaris.portal.keycloak.logout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;

class UserLogoutListenerTest {

    private static AdminEvent event(OperationType type, String path) {
        AdminEvent event = new AdminEvent();
        event.setOperationType(type);
        event.setResourcePath(path);
        return event;
    }

    @Test
    void anAdminsSignOutOfAllOfAUsersSessionsNamesTheUser() {
        assertThat(UserLogoutListener.loggedOutUser(event(OperationType.ACTION,
                "users/0b7a3c1e-9d2f-4e5a-8b6c-1d2e3f4a5b6c/logout"))).isEqualTo("0b7a3c1e-9d2f-4e5a-8b6c-1d2e3f4a5b6c");
    }

    @Test
    void otherAdminEventsAreNotASignOut() {
        assertThat(UserLogoutListener.loggedOutUser(event(OperationType.UPDATE, "users/0b7a3c1e/logout"))).isNull();
        assertThat(UserLogoutListener.loggedOutUser(event(OperationType.ACTION, "users/0b7a3c1e/reset-password"))).isNull();
        assertThat(UserLogoutListener.loggedOutUser(event(OperationType.ACTION, "sessions/0b7a3c1e"))).isNull();
        assertThat(UserLogoutListener.loggedOutUser(event(OperationType.ACTION, null))).isNull();
    }
}
