package nl.notaris.portal.keycloak.twofactor;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;

/** A Keycloak user with stored credentials and required actions in memory (only what the tests touch). */
final class FakeUser {

    final List<CredentialModel> credentials = new ArrayList<>();
    final Set<String> requiredActions = new LinkedHashSet<>();
    final UserModel model;

    FakeUser() {
        SubjectCredentialManager manager = (SubjectCredentialManager) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {SubjectCredentialManager.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getStoredCredentialsStream":
                            return List.copyOf(credentials).stream();
                        case "getStoredCredentialsByTypeStream":
                            return List.copyOf(credentials).stream().filter(c -> c.getType().equals(args[0]));
                        case "createStoredCredential": {
                            CredentialModel stored = copy((CredentialModel) args[0]);
                            stored.setId(UUID.randomUUID().toString());
                            credentials.add(stored);
                            return stored;
                        }
                        case "updateStoredCredential": {
                            CredentialModel changed = (CredentialModel) args[0];
                            credentials.replaceAll(c -> c.getId().equals(changed.getId()) ? copy(changed) : c);
                            return null;
                        }
                        case "removeStoredCredentialById":
                            return credentials.removeIf(c -> c.getId().equals(args[0]));
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
        model = (UserModel) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UserModel.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "credentialManager":
                            return manager;
                        case "getId":
                            return "user-1";
                        case "addRequiredAction":
                            requiredActions.add(String.valueOf(args[0]));
                            return null;
                        case "getRequiredActionsStream":
                            return requiredActions.stream();
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    FakeUser with(String type) {
        CredentialModel credential = new CredentialModel();
        credential.setType(type);
        credential.setCredentialData("{}");
        credential.setSecretData("{}");
        model.credentialManager().createStoredCredential(credential);
        return this;
    }

    List<String> types() {
        return credentials.stream().map(CredentialModel::getType).toList();
    }

    private static CredentialModel copy(CredentialModel source) {
        CredentialModel copy = new CredentialModel();
        copy.setId(source.getId());
        copy.setType(source.getType());
        copy.setUserLabel(source.getUserLabel());
        copy.setCreatedDate(source.getCreatedDate());
        copy.setCredentialData(source.getCredentialData());
        copy.setSecretData(source.getSecretData());
        return copy;
    }
}
