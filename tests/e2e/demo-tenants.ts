import { makeChildren, TEAMS } from "@/prisma/seed/people";
import { DEMO, DEMO_USERS, NORTHSHIRE } from "@/prisma/seed/demo";
import type { Tenants } from "../access/pages";

// The seeded authorities as the browser tests address them: the demo one, with a child on the practice
// supervisor's teams and one outside them, and Northshire beside it.
const supervisorTeams = new Set<string>(DEMO_USERS.find((u) => u.role === "PRACTICE_SUPERVISOR")!.teams);
const demoChildren = makeChildren(DEMO.children, DEMO.seed);

export const TENANTS: Tenants = {
  home: {
    slug: DEMO.slug,
    childRef: demoChildren.find((c) => supervisorTeams.has(c.team))!.childRef,
    outsideChildRef: demoChildren.find((c) => !supervisorTeams.has(c.team) && TEAMS.includes(c.team))!.childRef,
  },
  other: { slug: NORTHSHIRE.slug, childRef: `${NORTHSHIRE.childRefPrefix}100000`, outsideChildRef: `${NORTHSHIRE.childRefPrefix}100007` },
};
