// The part of autocannon's API the benchmark uses (the package ships no types).
declare module "autocannon" {
  type Options = { url: string; connections: number; duration: number; headers?: Record<string, string> };
  type Result = { requests: { total: number }; errors: number; timeouts: number; non2xx: number };
  type Instance = { on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void };
  export default function autocannon(o: Options, done: (err: Error | null, result: Result) => void): Instance;
}
