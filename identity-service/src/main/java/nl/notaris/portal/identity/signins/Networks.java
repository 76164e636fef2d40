package nl.notaris.portal.identity.signins;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The network an address belongs to, never the address itself: an IPv4 address as its /24
 * ({@code 203.0.113.0/24}), an IPv6 address as its /64 ({@code 2001:db8:12:34::/64}, RFC 5952 notation). Enough
 * for a client to recognise "home" or "office"; not enough to point at one device. Anything else is null.
 */
final class Networks {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}(%[0-9A-Za-z._-]{1,32})?");

    private Networks() {
    }

    static String of(String address) {
        if (address == null) {
            return null;
        }
        String ip = address.strip();
        if (IPV4.matcher(ip).matches()) {
            return ipv4(ip.split("\\."));
        }
        if (ip.indexOf(':') < 0 || !IPV6.matcher(ip).matches()) {
            return null;
        }
        byte[] bytes;
        try {
            // a literal with ':' is parsed, never looked up
            bytes = InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
        if (bytes.length == 4) {
            // ::ffff:203.0.113.7 is an IPv4 address
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
        }
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        return rfc5952(groups) + "/64";
    }

    private static String ipv4(String[] parts) {
        for (String part : parts) {
            if (Integer.parseInt(part) > 255) {
                return null;
            }
        }
        return Integer.parseInt(parts[0]) + "." + Integer.parseInt(parts[1]) + "." + Integer.parseInt(parts[2]) + ".0/24";
    }

    /** Lower-case hex groups without leading zeros; the first longest run of two or more zero groups as "::". */
    private static String rfc5952(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length;) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < groups.length && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
