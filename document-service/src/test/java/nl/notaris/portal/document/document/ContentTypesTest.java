package nl.notaris.portal.document.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypesTest {

    @Test
    void recognisesFilesByTheirFirstBytesNotTheirName() {
        assertThat(ContentTypes.sniff("%PDF-1.7\n".getBytes())).isEqualTo("application/pdf");
        assertThat(ContentTypes.sniff(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0 })).isEqualTo("image/png");
        assertThat(ContentTypes.sniff(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, 0 })).isEqualTo("image/jpeg");
        assertThat(ContentTypes.sniff("<html><script>".getBytes())).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.sniff(new byte[0])).isEqualTo("application/octet-stream");
    }
}
