package nl.notaris.portal.keycloak.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.jboss.logging.Logger;

/**
 * The realm's password policy names {@value #FILE_NAME}, and Keycloak refuses to import the realm
 * when its blacklist folder lacks that file. {@code ./portal} points Keycloak at the module's
 * {@code password-blacklists/} folder; a Keycloak started without that option (e.g. the container
 * of docker-compose.yml) looks in its default folder {@code <data>/password-blacklists/}. This jar
 * carries the same list and puts it there when it is missing, before the realm is imported.
 */
public final class BundledPasswordBlacklist {

    public static final String FILE_NAME = "common-passwords.txt";
    static final String RESOURCE = "/password-blacklists/" + FILE_NAME;

    private static final Logger LOG = Logger.getLogger(BundledPasswordBlacklist.class);

    private BundledPasswordBlacklist() {
    }

    /**
     * Installs into Keycloak's default folder: {@code jboss.server.data.dir}, which Keycloak sets only
     * later in its start, else {@code <kc.home.dir>/data}.
     */
    public static void installIntoKeycloakDataFolder() {
        String dataDir = System.getProperty("jboss.server.data.dir");
        if (dataDir == null || dataDir.isBlank()) {
            String home = System.getProperty("kc.home.dir");
            dataDir = home == null || home.isBlank() ? null : Path.of(home, "data").toString();
        }
        if (dataDir != null) {
            installIfMissing(Path.of(dataDir, "password-blacklists"));
        }
    }

    /** Copies the bundled list to {@code folder}/{@value #FILE_NAME} unless a file is there; never fails. */
    public static boolean installIfMissing(Path folder) {
        Path target = folder.resolve(FILE_NAME);
        if (Files.exists(target)) {
            return false;
        }
        try (InputStream list = BundledPasswordBlacklist.class.getResourceAsStream(RESOURCE)) {
            if (list == null) {
                LOG.warnf("Password blacklist %s is not in the provider jar", RESOURCE);
                return false;
            }
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, FILE_NAME, ".tmp");
            Files.copy(list, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.infof("Installed the password blacklist %s", target);
            return true;
        } catch (IOException | RuntimeException e) {
            // Read-only data folder, a concurrent start that was faster: Keycloak's own check decides.
            LOG.debugf(e, "Could not install the password blacklist into %s", folder);
            return false;
        }
    }
}
