package nl.notaris.portal.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/**
 * {@code target/keycloak.jar} is all Keycloak gets of this module: the phone-number rule (phone-numbers) and
 * libphonenumber, moved to a package of its own, are inside it and work from it alone.
 */
class ProviderJarIT {

    private static final Path JAR = Path.of("target", "keycloak.jar");
    private static final String RELOCATED = "nl/notaris/portal/keycloak/shaded/phonenumbers/";

    @Test
    void thePhoneNumberRuleWorksFromTheJarAlone() throws Exception {
        // nothing of the test class path: only the JDK and the jar, as in Keycloak's providers folder
        try (URLClassLoader keycloak = new URLClassLoader(new URL[] {JAR.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> phoneNumbers = keycloak.loadClass("nl.notaris.portal.phonenumbers.PhoneNumbers");
            Method normaliseMobile = phoneNumbers.getMethod("normaliseMobile", String.class);
            Method masked = phoneNumbers.getMethod("masked", String.class);

            assertThat(normaliseMobile.invoke(null, "06 12345678")).isEqualTo(Optional.of("+31612345678"));
            assertThat(normaliseMobile.invoke(null, "0049 151 12345678")).isEqualTo(Optional.of("+4915112345678"));
            assertThat(normaliseMobile.invoke(null, "020 123 4567")).isEqualTo(Optional.empty());
            assertThat(masked.invoke(null, "+4915112345678")).isEqualTo("+49 1 •••• ••••78");
            assertThat(keycloak.loadClass(RELOCATED.replace('/', '.') + "PhoneNumberUtil").getClassLoader())
                    .isSameAs(keycloak);
        }
    }

    @Test
    void libphonenumberIsInsideInAPackageOfItsOwn() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            assertThat(names).contains(RELOCATED + "PhoneNumberUtil.class", RELOCATED + "data/PhoneNumberMetadataProto_NL",
                    "nl/notaris/portal/phonenumbers/PhoneNumbers.class",
                    "META-INF/services/org.keycloak.authentication.AuthenticatorFactory");
            assertThat(names).noneMatch(name -> name.startsWith("com/google/"));
        }
    }
}
