package io.onestop.assistance.miniprogram.api;

/** Our errcode table (documented in miniprogram-api/README.md). Codes never change meaning once published. */
public enum ErrorCode {
    VALIDATION(40001, "参数有误"),
    NOT_FOUND(40004, "内容不存在"),
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
