package nl.notaris.portal.keycloak.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

class TwoFactorPolicyTest {

    private static final RoleModel STAFF = proxy(RoleModel.class, Map.of("getName", "staff"));
    private static final RoleModel CLIENT = proxy(RoleModel.class, Map.of("getName", "client"));

    @Test
    void staffAlwaysNeedASecondFactor() {
        assertThat(TwoFactorPolicy.required(realm(null), user(STAFF))).isTrue();
        assertThat(TwoFactorPolicy.required(realm("false"), user(STAFF))).isTrue();
    }

    @Test
    void clientsOnlyWhenTheOfficeRequiresIt() {
        assertThat(TwoFactorPolicy.required(realm(null), user(CLIENT))).isFalse();
        assertThat(TwoFactorPolicy.required(realm("false"), user(CLIENT))).isFalse();
        assertThat(TwoFactorPolicy.required(realm("true"), user(CLIENT))).isTrue();
    }

    private static RealmModel realm(String requiredAttribute) {
        return (RealmModel) Proxy.newProxyInstance(RealmModel.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> TwoFactorPolicy.REQUIRED_ATTRIBUTE.equals(args[0]) ? requiredAttribute : null;
                    case "getRole" -> "staff".equals(args[0]) ? STAFF : "client".equals(args[0]) ? CLIENT : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static UserModel user(RoleModel... roles) {
        Set<RoleModel> granted = Set.of(roles);
        return (UserModel) Proxy.newProxyInstance(UserModel.class.getClassLoader(), new Class<?>[] {UserModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hasRole" -> granted.contains(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("equals")) {
                return proxy == args[0];
            }
            if (method.getName().equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            return answers.get(method.getName());
        });
    }
}
