package nl.notaris.portal.keycloak.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledPasswordBlacklistTest {

    @Test
    void installsTheModulesListWhereKeycloakLooksByDefault(@TempDir Path data) throws Exception {
        Path folder = data.resolve("password-blacklists");

        assertThat(BundledPasswordBlacklist.installIfMissing(folder)).isTrue();

        assertThat(folder.resolve("common-passwords.txt"))
                .hasSameTextualContentAs(Path.of("password-blacklists", "common-passwords.txt"));
        try (var files = Files.list(folder)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void leavesAnExistingListAlone(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("common-passwords.txt"), "own list\n");

        assertThat(BundledPasswordBlacklist.installIfMissing(folder)).isFalse();
        assertThat(folder.resolve("common-passwords.txt")).hasContent("own list");
    }

    @Test
    void neverFailsOnAFolderItCannotWrite(@TempDir Path data) throws Exception {
        Path notAFolder = data.resolve("file");
        Files.writeString(notAFolder, "x");

        assertThat(BundledPasswordBlacklist.installIfMissing(notAFolder.resolve("password-blacklists"))).isFalse();
    }
}
