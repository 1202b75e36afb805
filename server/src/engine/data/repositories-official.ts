// Docker official images with Windows variants (reference §3.4, §3.7; DOI head 2026-08).
import type { PublishedTokens, RepositoryInfo, SharedTag } from './schema';

// Windows tags are `<ver>-windowsservercore-<token>` / `<ver>-nanoserver-<token>` (traefik also `v<ver>-…`).
// Current tokens: ltsc2022 and ltsc2025 (swift: ltsc2022 only). Historical suffixes are docker-library-wide
// (not every image had each): windowsservercore-ltsc2016 (2017-11→2022-01), -1709 / nanoserver-sac2016
// (2017-11→2019-04), -1803 (2018-07→2019-12), -1809 / nanoserver-1809 (2018-12 / 2019-08 → removed
// 2025-05-30). docker-library never used `ltsc2019` for 17763 (it used `1809`).
// Any tag of these repositories without a Windows token that matches no shared tag is Linux.

/**
 * Windows builds of every multi-OS-version shared tag, in index order. The DOI library files list the
 * ltsc2025 entry before the ltsc2022 one (checked for golang and python) and bashbrew builds the lists in
 * file order, so 26100 comes first [derived]. Which variant carries the bare tags differs per image
 * (windowsservercore for golang/python, nanoserver for nats), but both variants have the same two builds.
 */
const WIN_BUILDS: readonly number[] = [26100, 20348];
const ORDER_NOTE = 'Index order: ltsc2025 entry first, as listed in the DOI library file [derived].';

/** A bare version: `1.25.3`, `3`, `3.15.0a2`, `3.15-rc`, `1.7.0-rc3`, `2.7.0-beta.2`, `1.26rc1`. */
const VERSION = '\\d+(?:\\.\\d+)*(?:(?:a|b|rc)\\d+)?(?:-(?:rc|beta|alpha|preview)(?:\\.?\\d+)?)?';

type Variant = 'windowsservercore' | 'nanoserver';
const HISTORICAL: Record<Variant, string[]> = {
  windowsservercore: ['ltsc2016', '1709', '1803', '1809'],
  nanoserver: ['sac2016', '1809'],
};

interface OfficialSpec {
  image: string;
  variants: Variant[];
  /** pattern of the bare (Linux + Windows) tags, or null when the bare tags are Linux only / absent */
  bare: string | null;
  /** variant-only lists such as `1.25-windowsservercore` exist */
  variantLists?: boolean;
  current?: string[];
  extraHistorical?: Partial<Record<Variant, string[]>>;
  extraShared?: SharedTag[];
  note?: string;
}

/** Row builder: every official image follows the same conventions (only the listed fields differ). */
function official(spec: OfficialSpec): RepositoryInfo {
  const published: PublishedTokens[] = spec.variants.map((variant) => ({
    variant,
    current: spec.current ?? ['ltsc2022', 'ltsc2025'],
    historical: [...HISTORICAL[variant], ...(spec.extraHistorical?.[variant] ?? [])],
    confidence: 'confirmed',
  }));
  const sharedTags: SharedTag[] = [];
  if (spec.variantLists !== false) {
    for (const variant of spec.variants) {
      sharedTags.push({
        pattern: `(?:.+-)?${variant}`, windowsBuilds: [...WIN_BUILDS], linux: false,
        confidence: 'confirmed', sources: ['DOI'], note: ORDER_NOTE,
      });
    }
  }
  if (spec.bare !== null) {
    sharedTags.push({
      pattern: spec.bare, windowsBuilds: [...WIN_BUILDS], linux: true,
      confidence: 'confirmed', sources: ['DOI'],
      note: `Linux and Windows entries in one list. ${ORDER_NOTE}`,
    });
  }
  sharedTags.push(...(spec.extraShared ?? []));
  return {
    name: `docker.io/library/${spec.image}`, family: 'docker-official', layout: 'variant-suffix',
    published, sharedTags, otherTagsAreLinux: true, sources: ['DOI'], note: spec.note,
  };
}

/** Docker official images with Windows variants. Sources: DOI. */
export const OFFICIAL_REPOSITORIES: readonly RepositoryInfo[] = [
  official({ image: 'golang', variants: ['windowsservercore', 'nanoserver'], bare: `${VERSION}|latest` }),
  official({ image: 'python', variants: ['windowsservercore'], bare: `${VERSION}|latest` }),
  official({
    image: 'pypy', variants: ['windowsservercore'], bare: '\\d+(?:\\.\\d+)*(?:-\\d+(?:\\.\\d+)*)?|latest',
    note: 'Tags pair the Python and PyPy versions (`3.11-7.3.20`).',
  }),
  official({ image: 'julia', variants: ['windowsservercore'], bare: `${VERSION}|latest` }),
  official({
    image: 'caddy', variants: ['windowsservercore'], bare: `${VERSION}|latest`,
    extraShared: [{
      pattern: `(?:${VERSION}-)?builder`, windowsBuilds: [...WIN_BUILDS], linux: true,
      confidence: 'confirmed', sources: ['DOI'], note: `Builder lists have Windows entries too. ${ORDER_NOTE}`,
    }],
  }),
  official({ image: 'haxe', variants: ['windowsservercore'], bare: `${VERSION}|latest` }),
  official({
    image: 'hylang', variants: ['windowsservercore'], bare: `${VERSION}|latest`,
    extraShared: [{
      pattern: `(?:${VERSION}-)?python\\d+(?:\\.\\d+)*`, windowsBuilds: [...WIN_BUILDS], linux: true,
      confidence: 'derived', sources: ['DOI'],
      note: `Python-flavoured lists (\`1.1-python3.13\`) assumed to carry the Windows entries too. ${ORDER_NOTE}`,
    }],
  }),
  official({ image: 'mongo', variants: ['windowsservercore', 'nanoserver'], bare: `${VERSION}|latest` }),
  official({ image: 'nats', variants: ['windowsservercore', 'nanoserver'], bare: `${VERSION}|latest` }),
  official({
    image: 'eclipse-temurin', variants: ['windowsservercore', 'nanoserver'],
    bare: '\\d+(?:u\\d+-b\\d+|(?:\\.\\d+)*(?:_\\d+)?)(?:-(?:jdk|jre))?|latest',
    note: 'Bare lists include `-jdk` / `-jre` forms (`21-jdk`, `8u412-b08-jre`).',
  }),
  official({
    image: 'openjdk', variants: ['windowsservercore', 'nanoserver'], bare: '\\d+(?:-ea)?(?:-\\d+)?(?:-jdk)?',
    note: 'Early-access builds only now; GA images moved to eclipse-temurin et al. (see REPOSITORY_MOVES).',
  }),
  official({
    image: 'hello-world', variants: ['nanoserver'], bare: 'latest',
    extraHistorical: { nanoserver: ['1803'] },
    note: 'Windows tags carry no version: `nanoserver-ltsc2025`, `nanoserver-ltsc2022`; `linux` is the Linux image.',
  }),
  official({
    image: 'docker', variants: ['windowsservercore'], bare: null,
    note: 'Only `<ver>-windowsservercore` / `windowsservercore` carry Windows entries; bare `docker:29` is Linux only.',
  }),
  official({
    image: 'traefik', variants: ['windowsservercore', 'nanoserver'], bare: null, variantLists: false,
    note: 'Per-variant tags only (`v<ver>-…` and `<ver>-…`): no shared tag has Windows entries.',
  }),
  official({
    image: 'swift', variants: ['windowsservercore'], bare: null, variantLists: false, current: ['ltsc2022'],
    note: 'Windows tags `<ver>-windowsservercore-ltsc2022` only; no shared Windows tags.',
  }),
];
