import bcrypt from "bcryptjs";

// bcrypt with cost 12 (about a quarter of a second here): slow enough to blunt guessing, quick enough
// for a sign-in. A dummy hash is checked when the email is unknown, so timing does not reveal it.
const COST = 12;
const DUMMY_HASH = "$2b$12$BqCLLJoemVJiCNJgeuecU.ANDGTGScjboRXMfe/WFlq7kG2viYaC2";

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return ok && Boolean(hash);
}
