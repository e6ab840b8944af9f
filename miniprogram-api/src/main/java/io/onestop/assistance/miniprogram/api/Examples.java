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
    static final String PAGE = """
            {"errcode":0,"errmsg":"ok","data":{"items":[{"id":"5b0e9d6e-2f0c-4a55-8f8e-0c1d2e3f4a5b"}],\
            "next":"MjAyNi0xMi0wNVQwNDoxMDowMFp8NWIwZTlkNmUtMmYwYy00YTU1LThmOGUtMGMxZDJlM2Y0YTVi"}}""";
    static final String ME = """
            {"errcode":0,"errmsg":"ok","data":{"username":null,"name":null,"roles":["resident"],"agency":null,\
            "regionCode":null,"realName":{"residentId":"9d1f3c2a-5b6e-4f70-8a9b-0c1d2e3f4a5b","name":"张伟",\
            "nationalId":"1101**********4514","phone":"138****5678"}}}""";
    static final String STATUS = """
            {"errcode":0,"errmsg":"ok","data":{"intakeId":"5b0e9d6e-2f0c-4a55-8f8e-0c1d2e3f4a5b",\
            "intakeNumber":"JZ-140105-2026-000123","applicantName":"张伟","overallState":"ACTION_NEEDED",\
            "cases":[{"caseId":"3f0c2b1e-6a7d-4c1b-9d5e-2a8f7c6b5e41","program":"MINIMUM_LIVING_ALLOWANCE",\
            "programName":{"zh":"最低生活保障","en":"Minimum living allowance"},"agency":{"zh":"民政局","en":"Civil affairs bureau"},\
            "step":"SUBMITTED","stepName":{"zh":"已提交","en":"Submitted"},"urgent":false,"version":1,\
            "deadline":{"kind":"ACCEPTANCE","date":"2026-12-10","overdue":false,"text":{"zh":"受理期限至 12月10日",\
            "en":"acceptance due by 10 Dec"}},"decision":null}],"timeline":[{"program":"MINIMUM_LIVING_ALLOWANCE",\
            "action":"SUBMITTED","to":"SUBMITTED","actorRole":"resident","text":{"zh":"已提交申请","en":"Submitted"}}],\
            "todos":[{"kind":"CONSENT_MISSING","caseId":null,"program":null,"documents":null,"members":["m2"],\
            "until":null,"text":{"zh":"请家庭成员签署核对授权书","en":"Household members must sign the verification consent"}}]}}""";
    static final String UNAUTHORIZED = "HTTP 401 {\"errcode\":40100,\"errmsg\":\"登录已失效，请重新登录\",\"data\":null}: "
            + "no, expired or foreign token; log in again";

    static final String DOCUMENT = """
            {"errcode":0,"errmsg":"ok","data":{"id":"7d1e2c3b-4a5f-4e6d-8c7b-9a0f1e2d3c4b","type":"ID_CARD",\
            "typeName":{"zh":"身份证","en":"National ID card"},"memberId":"m1","status":"STORED","contentType":"image/jpeg",\
            "size":48213,"sha256":"3b1f…","rejectionReason":null,"uploadedAt":"2026-12-05T10:05:00+08:00"}}""";
    static final String DOWNLOAD_URL = """
            {"errcode":0,"errmsg":"ok","data":{"url":"https://s3.example.gov.cn/assistance-documents/documents/…?X-Amz-Signature=…",\
            "expiresAt":"2026-12-05T10:20:00+08:00"}}""";
    static final String DOWNLOAD_DOC = "A short-lived URL that fetches the document's bytes straight from storage "
            + "(wx.downloadFile, then wx.previewImage or wx.openDocument; the storage host must be among the mini "
            + "program's downloadFile domains)";

    private Examples() {
    }
}
