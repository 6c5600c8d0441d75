// A delegate-duty portal written in TypeScript, as a stranger would write one: its only knowledge of Banli is the
// clients generated from intake's and reporting's published OpenAPI documents (src/intake.d.ts and
// src/reporting.d.ts, made by `npm run generate`), so a response without a schema or a renamed field fails
// `tsc --strict` before anything runs. A member's progress is reporting's (the read side): it shows the filing once
// reporting has read intake's event, so the portal asks again for a while.
//
// The story: the portal gets a token for its member (client credentials, HTTP Basic), drafts an item for the member
// with an Idempotency-Key, files it, and reads the member's progress. It prints what it saw as one JSON line for the
// test that runs it (PortalStoryIT), and exits non-zero on any unexpected answer.
import createClient from "openapi-fetch";
import type { components, paths } from "./intake.js";
import type { components as readSide, paths as readPaths } from "./reporting.js";

type SubmissionView = components["schemas"]["SubmissionView"];
type ProgressPage = readSide["schemas"]["ProgressPage"];

function setting(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") {
    throw new Error(`${name} is not set`);
  }
  return value;
}

function fail(step: string, status: number, problem: unknown): never {
  throw new Error(`${step}: ${status} ${JSON.stringify(problem)}`);
}

const baseUrl = setting("BANLI_INTAKE_URL");
const reportingUrl = setting("BANLI_REPORTING_URL");
const member = Number(setting("BANLI_MEMBER_ID"));
const session = Number(setting("BANLI_SESSION_ID"));
const basic = Buffer.from(`${setting("BANLI_CLIENT_ID")}:${setting("BANLI_CLIENT_SECRET")}`).toString("base64");

// 1. The token, for the member the portal acts for.
const anonymous = createClient<paths>({ baseUrl });
const token = await anonymous.POST("/api/v1/oauth2/token", {
  headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
  body: { grant_type: "client_credentials", scope: "submissions:write submissions:read progress:read",
    member_id: String(member) },
  bodySerializer: (form) => new URLSearchParams(Object.entries(form).filter(
    (field): field is [string, string] => typeof field[1] === "string")),
});
if (token.data === undefined) {
  fail("token", token.response.status, token.error);
}
const portal = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token.data.access_token}` } });

// 2. A draft for the member; a retry with the same key gets the same draft.
const key = crypto.randomUUID();
const drafting = {
  kind: "SUGGESTION" as const, sessionId: session, title: "关于在社区增设老年助餐点的建议",
  body: "建议在老旧小区较集中的街道增设老年助餐点，并给予运营补贴。", field: "SOCIAL_LIVELIHOOD",
};
const drafted = await portal.POST("/api/v1/drafts", { params: { header: { "Idempotency-Key": key } }, body: drafting });
const again = await portal.POST("/api/v1/drafts", { params: { header: { "Idempotency-Key": key } }, body: drafting });
if (drafted.data === undefined) {
  fail("draft", drafted.response.status, drafted.error);
}
if (again.data === undefined) {
  fail("draft again", again.response.status, again.error);
}
const draft: SubmissionView = drafted.data;
if (draft.id === undefined || draft.version === undefined) {
  fail("draft without id or version", drafted.response.status, draft);
}

// 3. Filed: the office reviews and numbers it later.
const filed = await portal.POST("/api/v1/drafts/{id}/filing", {
  params: { path: { id: draft.id }, header: { "Idempotency-Key": crypto.randomUUID() } },
  body: { version: draft.version },
});
if (filed.data === undefined) {
  fail("file", filed.response.status, filed.error);
}

// 4. The member's progress in this session, from reporting, once it shows the filed item (at most 30 s).
const readSide = createClient<readPaths>({ baseUrl: reportingUrl,
  headers: { Authorization: `Bearer ${token.data.access_token}` } });
async function progressOnceFiled(): Promise<ProgressPage> {
  const until = Date.now() + 30_000;
  for (;;) {
    const progress = await readSide.GET("/api/v1/members/{memberId}/progress", {
      params: { path: { memberId: member }, query: { sessionId: session } },
    });
    const shown = progress.data?.items?.some((item) => item.id === draft.id && item.stage === "FILED") ?? false;
    if (progress.data !== undefined && shown) {
      return progress.data;
    }
    if (Date.now() > until) {
      fail("progress", progress.response.status, progress.data ?? progress.error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
const page: ProgressPage = await progressOnceFiled();

console.log(JSON.stringify({
  draftId: draft.id, retriedDraftId: again.data.id, replayed: again.response.headers.get("Idempotent-Replayed"),
  filedState: filed.data.state, leadProposerId: filed.data.leadProposerId, progressTotal: page.total,
  progressIds: (page.items ?? []).map((item) => item.id), progressStages: (page.items ?? []).map((item) => item.stage),
}));
