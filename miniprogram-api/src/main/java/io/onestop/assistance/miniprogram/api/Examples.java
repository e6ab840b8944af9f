package io.onestop.assistance.miniprogram.api;

/** OpenAPI examples shared by several endpoints. */
final class Examples {

    static final String INVALID = """
            {"errcode":40001,"errmsg":"members[0].birthDate: must not be after asOf (2026-11-22)","data":null}""";
    static final String NOT_FOUND = """
            {"errcode":40004,"errmsg":"内容不存在","data":null}""";
    static final String CONFLICT = """
            {"errcode":40009,"errmsg":"The draft changed since you read it.","data":null}""";
    static final String DRAFT = """
            {"errcode":0,"errmsg":"ok","data":{"id":"0b6c3c5e-7d52-4c5e-9d0a-6b7f2a1e9c11","version":1,\
            "household":{"regionCode":"140105","members":[]},"applicant":{"name":"张伟",\
            "nationalId":"1101**********4514","phone":"138****5678"},"chosenPrograms":null,"situation":null}}""";
    static final String INTAKE = """
            {"errcode":0,"errmsg":"ok","data":{"id":"5b0e9d6e-2f0c-4a55-8f8e-0c1d2e3f4a5b",\
            "intakeNumber":"JZ-140105-2026-000123","status":"ACTIVE","cases":[{"program":"MINIMUM_LIVING_ALLOWANCE",\
            "agency":"CIVIL_AFFAIRS","status":"SUBMITTED","verdict":"ELIGIBLE"}]}}""";
    static final String UNAUTHORIZED = "HTTP 401 {\"errcode\":40100,\"errmsg\":\"登录已失效，请重新登录\",\"data\":null}: "
            + "no, expired or foreign token; log in again";

    private Examples() {
    }
}
