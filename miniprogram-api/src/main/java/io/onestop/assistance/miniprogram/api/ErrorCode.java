package io.onestop.assistance.miniprogram.api;

/** Our errcode table (documented in miniprogram-api/README.md). Codes never change meaning once published. */
public enum ErrorCode {
    VALIDATION(40001, "参数有误"),
    NOT_FOUND(40004, "内容不存在"),
    /** Sent with HTTP 401: the token is missing, expired or not ours; call wx.login and POST /mp/v1/session. */
    LOGIN_REQUIRED(40100, "登录已失效，请重新登录"),
    /** The wx.login code was refused by the platform (invalid, expired or used): call wx.login again. */
    LOGIN_CODE_INVALID(40101, "登录凭证无效，请重新登录"),
    /** The platform restricts this account, or the resident may not do this. */
    FORBIDDEN(40300, "暂时无法使用该服务"),
    CONFLICT(40009, "操作冲突，请刷新后重试"),
    RATE_LIMITED(42900, "操作太频繁，请稍后再试"),
    UPSTREAM_UNAVAILABLE(50300, "服务暂时不可用，请稍后再试"),
    INTERNAL(50000, "系统繁忙，请稍后再试");

    public final int errcode;
    public final String defaultMessage;

    ErrorCode(int errcode, String defaultMessage) {
        this.errcode = errcode;
        this.defaultMessage = defaultMessage;
    }
}
