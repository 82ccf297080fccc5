package whatsapp.infrastructure.redis;

/** Redis URLs may carry a password (redis://:secret@host:6379): never log it. */
public final class RedisUrls {

    private RedisUrls() {
    }

    public static String withoutPassword(String url) {
        if (url == null) return null;
        return url.replaceFirst("//[^@/]*@", "//***@");
    }
}
