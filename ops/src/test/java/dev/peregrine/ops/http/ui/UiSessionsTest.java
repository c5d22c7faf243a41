package dev.peregrine.ops.http.ui;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The status page's sessions: who a cookie speaks for, when a CSRF token is needed, and what ends a session. */
class UiSessionsTest
{
    private static final String TOKEN = "0123456789abcdef-admin";
    private final AtomicLong now = new AtomicLong(1_000);
    private final UiSessions sessions = new UiSessions(TOKEN, now::get);

    private static String cookie(final UiSessions.Session session)
    {
        return "theme=dark; " + UiSessions.COOKIE + "=" + session.id() + "; other=1";
    }

    @Test
    void onlyTheAdminTokenLogsIn()
    {
        assertThat(sessions.login(TOKEN + " ")).isNull();
        assertThat(sessions.login(TOKEN.substring(1))).isNull();
        assertThat(sessions.login(null)).isNull();
        final UiSessions.Session session = sessions.login(TOKEN);
        assertThat(session).isNotNull();
        assertThat(session.id()).matches("[0-9a-f]{64}").isNotEqualTo(session.csrf());
        assertThat(sessions.login(TOKEN).id()).as("each login its own session").isNotEqualTo(session.id());
    }

    @Test
    void theCookieCarriesTheFlagsThatKeepItFromScriptsAndOtherSites()
    {
        final UiSessions.Session session = sessions.login(TOKEN);
        assertThat(session.setCookie()).isEqualTo(UiSessions.COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict");
        assertThat(UiSessions.clearCookie()).contains("Max-Age=0").contains("HttpOnly").contains("SameSite=Strict");
    }

    @Test
    void aCookieReadsButOnlyCookiePlusCsrfTokenActs()
    {
        final UiSessions.Session session = sessions.login(TOKEN);
        final String cookie = cookie(session);
        assertThat(sessions.find(cookie)).isEqualTo(session);
        assertThat(sessions.authorizes("GET", cookie, null)).isTrue();
        assertThat(sessions.authorizes("POST", cookie, null)).isFalse();
        assertThat(sessions.authorizes("POST", cookie, session.csrf().substring(1))).isFalse();
        assertThat(sessions.authorizes("POST", cookie, sessions.login(TOKEN).csrf())).as("another session's token").isFalse();
        assertThat(sessions.authorizes("POST", cookie, session.csrf())).isTrue();
        assertThat(sessions.authorizes("POST", null, session.csrf())).as("the CSRF token without the cookie").isFalse();
        assertThat(sessions.authorizes("GET", UiSessions.COOKIE + "=" + "f".repeat(64), null)).isFalse();
    }

    @Test
    void logoutAndTimeEndASession()
    {
        final UiSessions.Session first = sessions.login(TOKEN);
        sessions.logout(cookie(first));
        assertThat(sessions.find(cookie(first))).isNull();

        final UiSessions.Session second = sessions.login(TOKEN);
        now.addAndGet(TimeUnit.HOURS.toNanos(UiSessions.LIFETIME_HOURS) - 1);
        assertThat(sessions.find(cookie(second))).isEqualTo(second);
        now.incrementAndGet();
        assertThat(sessions.find(cookie(second))).as("after %d hours", UiSessions.LIFETIME_HOURS).isNull();
    }

    @Test
    void tooManyLoginsDropTheOldest()
    {
        final UiSessions.Session oldest = sessions.login(TOKEN);
        for (int i = 1; i < UiSessions.MAX_SESSIONS; i++)
        {
            sessions.login(TOKEN);
        }
        assertThat(sessions.size()).isEqualTo(UiSessions.MAX_SESSIONS);
        assertThat(sessions.find(cookie(oldest))).isNotNull();
        final UiSessions.Session newest = sessions.login(TOKEN);
        assertThat(sessions.size()).isEqualTo(UiSessions.MAX_SESSIONS);
        assertThat(sessions.find(cookie(oldest))).isNull();
        assertThat(sessions.find(cookie(newest))).isNotNull();
    }

    @Test
    void aShortAdminTokenIsRefusedNamingTheFix()
    {
        assertThatThrownBy(() -> new UiSessions("short")).hasMessageContaining("at least 16 characters");
    }

    @Test
    void theTokenOfTheAddressIsDecoded()
    {
        assertThat(StatusPage.queryToken("a=1&token=ab%2Bcd&b=2")).isEqualTo("ab+cd");
        assertThat(StatusPage.queryToken("a=1")).isNull();
        assertThat(StatusPage.queryToken(null)).isNull();
        assertThat(StatusPage.queryToken("token=%zz")).isNull();
    }
}
