package nl.notaris.portal.identity.signins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The network of an address, never the address: IPv4 as its /24, IPv6 as its /64. */
class NetworksTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "-", textBlock = """
            203.0.113.57, 203.0.113.0/24
            127.0.0.1, 127.0.0.0/24
            010.001.002.003, 10.1.2.0/24
            2001:db8:12:34:abcd:ef01:2345:6789, 2001:db8:12:34::/64
            2001:0DB8:0012:0034:0000:0000:0000:0001, 2001:db8:12:34::/64
            2001:db8::1, 2001:db8::/64
            2001:db8:0:1:2::3, 2001:db8:0:1::/64
            2001:0:0:1::, 2001:0:0:1::/64
            fe80::1%eth0, fe80::/64
            ::1, ::/64
            ::ffff:203.0.113.7, 203.0.113.0/24
            256.1.2.3, -
            1.2.3, -
            1:2, -
            keycloak.example, -
            .1:2::, -
            '', -
            -, -
            """)
    void coarse(String address, String network) {
        assertThat(Networks.of(address)).isEqualTo(network);
    }
}
