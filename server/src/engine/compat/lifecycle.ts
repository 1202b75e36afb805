// Support status of the Windows release an image is built on, against a given date (LIFE, RELINFO).
import { releasesForBuild } from '../data/releases';
import type { WindowsRelease } from '../data/schema';
import { IMAGE_LIFECYCLES } from '../data/image-lifecycle';

export interface SupportStatus { state: 'supported' | 'ending' | 'ended'; date: string; days: number; release: WindowsRelease }

/** The release whose lifecycle an image of `build` follows: the LTSC server release, else any server. */
export function imageRelease(build: number, token?: string): WindowsRelease | undefined {
  const servers = releasesForBuild(build).filter((r) => r.family === 'server');
  const byToken = token ? servers.find((r) => r.id === token.toLowerCase() || r.aliases.includes(token.toLowerCase())) : undefined;
  return servers.find((r) => r.channel === 'LTSC') ?? byToken ?? servers[0];
}

export function supportStatus(build: number, today: string, token?: string, warnDays = 90): SupportStatus | undefined {
  const own = token ? IMAGE_LIFECYCLES.find((l) => l.token === token.toLowerCase()) : undefined;
  const base = imageRelease(build, token);
  // an image with a lifecycle of its own (Nano Server 2016) is judged by it, named as itself
  const release = own && base ? { ...base, name: own.name, supportEnd: own.supportEnd, mainstreamEnd: undefined } : base;
  const end = release?.supportEnd ?? release?.mainstreamEnd;
  if (!release || !end) return undefined;
  const days = Math.round((Date.parse(end) - Date.parse(today)) / 86400000);
  const state = days < 0 ? 'ended' : days <= warnDays ? 'ending' : 'supported';
  return { state, date: end, days, release };
}
