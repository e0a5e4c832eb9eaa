package io.autobot.optimizer.protocol.fleet;

/**
 * Redis URL text for messages: the settings, the agent and the CLI show a URL only without its
 * password.
 */
public final class RedisUrls {

    private RedisUrls() {
    }

    /** The URL text with its password (the user info after its first colon, or all of it) replaced by {@code ***}. */
    public static String redacted(String text) {
        if (text == null) {
            return "";
        }
        int scheme = text.indexOf("://");
        int at = text.lastIndexOf('@');
        if (scheme < 0 || at < scheme) {
            return text;
        }
        String info = text.substring(scheme + 3, at);
        int colon = info.indexOf(':');
        String shown = colon < 0 ? "***" : info.substring(0, colon) + ":***";
        return text.substring(0, scheme + 3) + shown + text.substring(at);
    }
}
