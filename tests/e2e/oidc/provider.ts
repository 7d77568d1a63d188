import http from "node:http";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { OIDC_ACCOUNTS, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ISSUER, OIDC_PORT } from "./config";

// A real OpenID Connect provider on localhost for the single sign-on journey (tests/e2e/oidc.spec.ts):
// authorization code flow with PKCE, signed ID tokens, discovery. Its sign-in page is a minimal one of
// our own (email + password), since oidc-provider's development pages accept any login.
//   npx tsx tests/e2e/oidc/provider.ts      (APP_BASE_URL: the app, for the redirect URI)

const APP_BASE_URL = process.env.APP_BASE_URL ?? "http://127.0.0.1:3100";
const accounts = Object.values(OIDC_ACCOUNTS).map((a, i) => ({ ...a, id: `account-${i + 1}` }));

const configuration: Configuration = {
  clients: [
    {
      client_id: OIDC_CLIENT_ID,
      client_secret: OIDC_CLIENT_SECRET,
      redirect_uris: [`${APP_BASE_URL}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // Put the email in the ID token itself, as Microsoft Entra ID does (Auth.js reads the ID token).
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  cookies: { keys: ["e2e-only-cookie-key"] },
  interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, id) {
    const a = accounts.find((x) => x.id === id);
    if (!a) return undefined;
    return { accountId: a.id, claims: async () => ({ sub: a.id, email: a.email, email_verified: true, name: a.name }) };
  },
  // A first-party client: no consent screen, as with an organisation's own app in Entra ID.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
};

const provider = new Provider(OIDC_ISSUER, configuration);
const oidc = provider.callback();

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<p><label for="email">Email</label> <input id="email" name="email" type="email" autocomplete="username"></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password"></p>
<p><button type="submit">Continue</button></p>
</form></main></body></html>`;
}

async function body(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

async function interaction(req: http.IncomingMessage, res: http.ServerResponse, uid: string, submit: boolean) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error("interaction mismatch");
  const send = (status: number, html: string) => {
    res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(html);
  };
  if (details.prompt.name !== "login") throw new Error(`unexpected prompt ${details.prompt.name}`);
  if (!submit) return send(200, loginPage(uid));
  const form = await body(req);
  const account = accounts.find((a) => a.email === form.get("email")?.trim().toLowerCase() && a.password === form.get("password"));
  if (!account) return send(200, loginPage(uid, "Wrong email or password."));
  await provider.interactionFinished(req, res, { login: { accountId: account.id } }, { mergeWithLastSubmission: false });
}

http
  .createServer((req, res) => {
    const url = new URL(req.url ?? "/", OIDC_ISSUER);
    const m = url.pathname.match(/^\/interaction\/([\w-]+)(\/login)?$/);
    if (!m) return void oidc(req, res);
    interaction(req, res, m[1]!, req.method === "POST" && Boolean(m[2])).catch((e: unknown) => {
      console.error("interaction failed:", e instanceof Error ? e.message : e);
      if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain" });
      res.end("Sign-in failed.");
    });
  })
  .listen(OIDC_PORT, () => console.log(`Test OpenID Connect provider at ${OIDC_ISSUER} (redirects to ${APP_BASE_URL})`));
