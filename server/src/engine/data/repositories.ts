// Repositories whose tags the engine can map to Windows builds without asking a registry.
// Split by publisher: repositories-microsoft.ts (reference §3.2, §3.3, §3.7; sources VC, TAGBLOG, UPD,
// WS19BLOG, LIFE, CBI, INS, WCI, IIS, NETFX, NET, PSD, MCRMAP, K8SW) and repositories-official.ts
// (§3.4, §3.7; source DOI).
import type { RepositoryInfo } from './schema';
import { MICROSOFT_REPOSITORIES } from './repositories-microsoft';
import { OFFICIAL_REPOSITORIES } from './repositories-official';

export { MICROSOFT_REPOSITORIES } from './repositories-microsoft';
export { OFFICIAL_REPOSITORIES } from './repositories-official';

/** Every known repository (names unique, normalised, without tag). Sources: see the two tables. */
export const REPOSITORIES: readonly RepositoryInfo[] = [...MICROSOFT_REPOSITORIES, ...OFFICIAL_REPOSITORIES];

const BY_NAME = new Map<string, RepositoryInfo>(REPOSITORIES.map((r) => [r.name, r]));

/** Repository by normalised name (`docker.io/library/golang`, `mcr.microsoft.com/windows/servercore`). */
export function findRepository(normalizedName: string): RepositoryInfo | undefined {
  return BY_NAME.get(normalizedName.toLowerCase());
}
