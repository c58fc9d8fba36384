import { compare, div, exact, mul, sub, sum, type Exact } from "../model/exact.js";
import { rankResults } from "./rank.js";

/** What a standing needs of a scored file: a ResultSummary fits. */
export interface PeerScores {
  file: string;
  region: string;
  total: Exact;
  elements: readonly { id: string; score: Exact }[];
  pillars: readonly { id: string; score: Exact | null }[];
}

export type StandingKind = "total" | "element" | "pillar";

export interface Standing {
  kind: StandingKind;
  id: string;
  score: Exact;
  /** Competition rank (1, 2, 2, 4) among the region and the peers scored here, as `score` ranks totals. */
  rank: number;
  /** How many were ranked: the region and the peers that have this element or pillar. */
  of: number;
  /** Percent of the other ranked regions scoring strictly lower; null when no peer has it. */
  percentile: Exact | null;
  /** The peers' mean (the region itself left out); null when no peer has it. */
  peerMean: Exact | null;
  /** score − peerMean: the region's strength (positive) or weakness (negative) relative to the peers. */
  gap: Exact | null;
  /** The highest score among the region and the peers. */
  best: Exact;
}

export interface PeerStanding {
  peers: number;
  total: Standing;
  elements: Standing[];
  pillars: Standing[];
  /** Elements and pillars furthest above the peers' mean, largest gap first. */
  strongest: Standing[];
  /** Elements and pillars furthest below the peers' mean, largest shortfall first; none also in strongest. */
  weakest: Standing[];
}

/**
 * A region's place among its peers in the total, each element and each pillar: the strengths
 * and weaknesses paragraph of a result letter, from the data. Elements and pillars share the
 * 0–4 scale, so the gap to the peers' mean compares them with each other.
 */
export function standAmongPeers(self: PeerScores, peers: readonly PeerScores[], count = 3): PeerStanding {
  const standing = (kind: StandingKind, id: string, scoreOf: (p: PeerScores) => Exact | null | undefined) => {
    const own = scoreOf(self);
    if (!own) return undefined;
    const others = peers.flatMap((p) => {
      const score = scoreOf(p);
      return score ? [{ total: score, region: p.region, file: p.file }] : [];
    });
    const mine = { total: own, region: self.region, file: self.file };
    const ranked = rankResults([mine, ...others]);
    const rank = ranked.find((r) => r.item === mine)!.rank;
    const below = others.filter((o) => compare(o.total, own) < 0).length;
    const peerMean = others.length ? div(sum(others.map((o) => o.total)), exact(BigInt(others.length))) : null;
    return {
      kind,
      id,
      score: own,
      rank,
      of: ranked.length,
      percentile: others.length ? div(mul(exact(100n), exact(BigInt(below))), exact(BigInt(others.length))) : null,
      peerMean,
      gap: peerMean ? sub(own, peerMean) : null,
      best: ranked[0]!.item.total,
    } satisfies Standing;
  };
  const present = <T>(items: (T | undefined)[]): T[] => items.filter((i): i is T => i !== undefined);
  const total = standing("total", "total", (p) => p.total)!;
  const elements = present(
    self.elements.map((e) => standing("element", e.id, (p) => p.elements.find((x) => x.id === e.id)?.score)),
  );
  const pillars = present(
    self.pillars.map((e) => standing("pillar", e.id, (p) => p.pillars.find((x) => x.id === e.id)?.score)),
  );
  const compared = [...elements, ...pillars].filter((s) => s.gap !== null);
  const order = new Map(compared.map((s, i) => [s, i]));
  const byGap = (a: Standing, b: Standing) => compare(b.gap!, a.gap!) || order.get(a)! - order.get(b)!;
  const strongest = [...compared].sort(byGap).slice(0, count);
  const weakest = [...compared]
    .filter((s) => !strongest.includes(s))
    .sort((a, b) => compare(a.gap!, b.gap!) || order.get(a)! - order.get(b)!)
    .slice(0, count);
  return { peers: peers.length, total, elements, pillars, strongest, weakest };
}
