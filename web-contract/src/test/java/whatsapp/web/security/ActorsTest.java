package whatsapp.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActorsTest {

    @Test
    void aNameThatFitsIsKeptAsItIs() {
        assertThat(Actors.bounded("user:alice")).isEqualTo("user:alice");
        String exactly = "u".repeat(128);
        assertThat(Actors.bounded(exactly)).isSameAs(exactly);
        assertThat(Actors.bounded(null)).isNull();
    }

    @Test
    void aLongerNameIsCutWithAHashSuffixThatKeepsNamesApart() {
        String longName = "user:" + "very-long-user-name-".repeat(15);
        String bounded = Actors.bounded(longName);
        assertThat(bounded).hasSize(128).startsWith(longName.substring(0, 111)).matches(".*~[0-9a-f]{16}");
        assertThat(Actors.bounded(longName)).isEqualTo(bounded);
        assertThat(Actors.bounded(longName + "x")).hasSize(128).isNotEqualTo(bounded);
    }

    @Test
    void codePointsAreNeverSplit() {
        String emoji = "\uD83D\uDE00".repeat(200); // 200 code points, 400 chars
        String bounded = Actors.bounded(emoji);
        assertThat(bounded.codePointCount(0, bounded.length())).isEqualTo(128);
        assertThat(bounded).doesNotContain("\uFFFD");
        assertThat(Character.isHighSurrogate(bounded.charAt(bounded.indexOf('~') - 1))).isFalse();
    }
}
