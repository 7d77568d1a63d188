import { decide, type Access, type ActorKey } from "./actors";

// Every page of the app, with who may see it. The access-matrix tests read this table twice: the
// integration layer checks each decision against the database (tests/integration/access-pages.test.ts),
// the browser layer visits each URL as each actor (tests/e2e/access-matrix.spec.ts). A meta-test fails
// when a page under app/ has no row here: add one when you add a page.

export type TenantRef = {
  slug: string;
  /** A child of the tenant on the practice supervisor's teams. */
  childRef: string;
  /** A child of the tenant on none of the practice supervisor's teams. */
  outsideChildRef: string;
};
export type Tenants = { home: TenantRef; other: TenantRef };

/** What a visit must end in: the page (200), not found (404), the sign-in page, or another page. */
export type PageOutcome = "ok" | "signin" | "notfound" | { redirect: (t: Tenants) => string };

export type PageRow = {
  /** The route as in app/, without route groups, e.g. "/[tenant]/users". */
  route: string;
  /** The URL to visit. */
  url: (t: Tenants) => string;
  access: Access;
  /** Exceptions to the outcome that `access` implies, per actor. */
  expect?: Partial<Record<ActorKey, PageOutcome>>;
};

const homeOf = (t: Tenants) => `/${t.home.slug}`;
const signedInHome: Partial<Record<ActorKey, PageOutcome>> = {
  vsh: { redirect: homeOf },
  supervisor: { redirect: (t) => `/${t.home.slug}/caseload` },
  leader: { redirect: homeOf },
  otherTenant: { redirect: (t) => `/${t.other.slug}` },
};

export const PAGE_ROWS: PageRow[] = [
  // Signed-in people with one tenant go straight to their landing page.
  { route: "/", url: () => "/", access: "public", expect: signedInHome },
  { route: "/sign-in", url: () => "/sign-in", access: "public", expect: signedInHome },
  { route: "/[tenant]", url: (t) => `/${t.home.slug}`, access: "member", expect: { supervisor: { redirect: (t) => `/${t.home.slug}/caseload` } } },
  { route: "/[tenant]/caseload", url: (t) => `/${t.home.slug}/caseload`, access: "children.view" },
  { route: "/[tenant]/gaps", url: (t) => `/${t.home.slug}/gaps`, access: "gaps.view" },
  { route: "/[tenant]/children/[childRef]", url: (t) => `/${t.home.slug}/children/${t.home.childRef}`, access: "children.view" },
  // A practice supervisor sees the children of their own teams only.
  { route: "/[tenant]/children/[childRef]", url: (t) => `/${t.home.slug}/children/${t.home.outsideChildRef}`, access: "children.view", expect: { supervisor: "notfound" } },
  // Another tenant's child, asked for in this tenant's URL, does not exist here.
  { route: "/[tenant]/children/[childRef]", url: (t) => `/${t.home.slug}/children/${t.other.childRef}`, access: "children.view", expect: { vsh: "notfound", supervisor: "notfound" } },
  { route: "/[tenant]/targets", url: (t) => `/${t.home.slug}/targets`, access: "targets.view" },
  { route: "/[tenant]/imports", url: (t) => `/${t.home.slug}/imports`, access: "imports.run" },
  { route: "/[tenant]/users", url: (t) => `/${t.home.slug}/users`, access: "users.manage" },
  { route: "/[tenant]/audit", url: (t) => `/${t.home.slug}/audit`, access: "audit.view" },
  { route: "/[tenant]/audit", url: (t) => `/${t.home.slug}/audit?action=auth.signin&page=2`, access: "audit.view" },
  { route: "/[tenant]/security", url: (t) => `/${t.home.slug}/security`, access: "audit.view" },
];

/** The outcome the row requires of the actor. Pages answer "not found" for a missing permission too. */
export function pageOutcome(row: PageRow, actor: ActorKey): PageOutcome {
  const override = row.expect?.[actor];
  if (override) return override;
  const d = decide(actor, row.access);
  return d === "allowed" ? "ok" : d === "signin" ? "signin" : "notfound";
}
