package nl.notaris.portal.identity.signins;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser and the system of a {@code User-Agent} header in words, for "Recente aanmeldingen": "Firefox 133",
 * "Windows 10/11", "iPhone (iOS 18)", "Android 14". Knows the browsers and systems clients use (Chrome, Edge,
 * Firefox, Safari, Opera, Samsung Internet; Windows, macOS, iOS and iPadOS, Android, Linux, ChromeOS); anything
 * else is null, never a guess. Only the major version: it is what a person recognises.
 *
 * <p>What a header cannot tell: browsers that freeze parts of it (Chrome says "Android 10" on every Android, so
 * that version is left out; every Mac says 10.15; Windows 11 says Windows NT 10.0), and an iPad that asks for
 * desktop pages says it is a Mac.
 */
final class UserAgents {

    /** A browser and a system; either may be null. */
    record Described(String browser, String system) {
        static final Described NOTHING = new Described(null, null);
    }

    /** Checked in this order: Chromium-based browsers also name Chrome and Safari, Chrome names Safari. */
    private static final Browser[] BROWSERS = {
            new Browser("Edge", "(?:Edg|EdgA|EdgiOS|Edge)/(\\d+)"),
            new Browser("Opera", "(?:OPR|OPT|OPX)/(\\d+)"),
            new Browser("Samsung Internet", "SamsungBrowser/(\\d+)"),
            new Browser("Firefox", "(?:Firefox|FxiOS)/(\\d+)"),
            new Browser("Chrome", "(?:Chrome|CriOS)/(\\d+)"),
            new Browser("Opera", "^Opera/.*Version/(\\d+)"),
    };
    private static final Pattern SAFARI = Pattern.compile("Version/(\\d+)(?:\\.\\d+)*(?: Mobile/\\S+)? Safari/");

    private static final Pattern IPHONE = Pattern.compile("\\((iPhone|iPod)(?: touch)?;.*? OS (\\d+)(?![0-9])");
    private static final Pattern IPAD = Pattern.compile("\\(iPad;.*? OS (\\d+)(?![0-9])");
    private static final Pattern ANDROID = Pattern.compile("Android[ /](\\d+)");
    /** Chrome's reduced header: every Android is "Android 10; K". */
    private static final Pattern ANDROID_FROZEN = Pattern.compile("Android 10; K[;)]");
    private static final Pattern WINDOWS = Pattern.compile("Windows NT (\\d+\\.\\d+)");

    private UserAgents() {
    }

    static Described describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return Described.NOTHING;
        }
        return new Described(browser(userAgent), system(userAgent));
    }

    private static String browser(String userAgent) {
        for (Browser browser : BROWSERS) {
            Matcher matcher = browser.pattern().matcher(userAgent);
            if (matcher.find()) {
                return browser.name() + " " + matcher.group(1);
            }
        }
        // Safari names no browser of its own, only its version; other apps on Apple devices name neither
        if (!userAgent.contains("Android")) {
            Matcher safari = SAFARI.matcher(userAgent);
            if (safari.find()) {
                return "Safari " + safari.group(1);
            }
        }
        return null;
    }

    private static String system(String userAgent) {
        Matcher matcher = IPHONE.matcher(userAgent);
        if (matcher.find()) {
            return matcher.group(1) + " (iOS " + matcher.group(2) + ")";
        }
        matcher = IPAD.matcher(userAgent);
        if (matcher.find()) {
            return "iPad (iPadOS " + matcher.group(1) + ")";
        }
        if (userAgent.contains("Android")) {
            matcher = ANDROID.matcher(userAgent);
            return matcher.find() && !ANDROID_FROZEN.matcher(userAgent).find() ? "Android " + matcher.group(1) : "Android";
        }
        if (userAgent.contains("CrOS")) {
            return "ChromeOS";
        }
        matcher = WINDOWS.matcher(userAgent);
        if (matcher.find()) {
            return switch (matcher.group(1)) {
                case "10.0" -> "Windows 10/11";
                case "6.3" -> "Windows 8.1";
                case "6.2" -> "Windows 8";
                case "6.1" -> "Windows 7";
                default -> "Windows";
            };
        }
        if (userAgent.contains("Windows")) {
            return "Windows";
        }
        if (userAgent.contains("Macintosh") || userAgent.contains("Mac OS X")) {
            return "macOS";
        }
        if (userAgent.contains("Linux") || userAgent.contains("X11")) {
            return "Linux";
        }
        return null;
    }

    private record Browser(String name, Pattern pattern) {
        Browser(String name, String regex) {
            this(name, Pattern.compile(regex));
        }
    }
}
