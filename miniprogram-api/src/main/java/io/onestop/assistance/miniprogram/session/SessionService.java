package io.onestop.assistance.miniprogram.session;

import io.onestop.assistance.miniprogram.platform.PlatformService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Login: a wx.login code becomes our own resident token. Nothing is stored; refresh is a new login. */
@ApplicationScoped
public class SessionService {

    private final PlatformService platform;
    private final ResidentTokens tokens;

    SessionService(PlatformService platform, ResidentTokens tokens) {
        this.platform = platform;
        this.tokens = tokens;
    }

    public Uni<ResidentTokens.Issued> login(String code) {
        return platform.codeToSession(code).map(session -> tokens.issue(session.openid()));
    }
}
