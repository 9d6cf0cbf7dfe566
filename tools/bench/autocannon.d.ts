// The part of autocannon's API the benches use (the package ships no types).
declare module 'autocannon' {
  interface Result {
    requests: { total: number; average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
  }
  export default function autocannon(opts: { url: string; connections: number; duration: number }): Promise<Result>;
}
