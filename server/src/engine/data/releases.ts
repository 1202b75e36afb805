// Windows releases that can be container hosts (reference §1.2 servers, §1.3 clients).
import type { WindowsRelease } from './schema';

// Conventions. Dates are YYYY-MM-DD. `mainstreamEnd` is mainstream end (LTSC) or end of servicing
// (SAC/AC; Home/Pro for clients); `supportEnd` is the last day of any support (extended end for LTSC,
// Enterprise/Education end for clients). SAC and Annual Channel releases have no extended phase, so their
// `supportEnd` equals `mainstreamEnd`. Ids and aliases are lower-case and unique across the whole table.
// Server SKUs default to process isolation, client SKUs to Hyper-V (ISO, FAQ, MOBY).
// Not encoded as releases (they are images, not hosts): the Nano Server 2016 image (`sac2016`, ended
// 2018-10-09, LIFE@33c26725) and the Nano Server / Windows 1809 images (5+5 years like WS2019 from 2023-07,
// LIFE@2b552f58, WS22BLOG); see the notes of ltsc2016 and ltsc2019.

/** Windows Server releases. Sources: RELINFO, LCDATA, LIFE, SVC, WS22BLOG, ISO, FAQ, MOBY. */
const SERVER_RELEASES: readonly WindowsRelease[] = [
  {
    id: 'ltsc2016', name: 'Windows Server 2016', build: 14393, family: 'server', channel: 'LTSC',
    aliases: ['ws2016', 'server2016', 'windows-server-2016', '2016'],
    available: '2016-10-15', mainstreamEnd: '2022-01-11', supportEnd: '2027-01-12',
    defaultIsolation: 'process', confidence: 'confirmed', sources: ['LCDATA', 'LIFE', 'RELINFO'],
    note:
      'RELINFO lists availability 2016-08-02 (first LTSB build); LIFE says extended end 2027-01-11 ' +
      '(RELINFO and LCDATA: 2027-01-12). The Nano Server 2016 image (sac2016) ended 2018-10-09.',
  },
  {
    id: 'ws1709', name: 'Windows Server, version 1709', build: 16299, family: 'server', channel: 'SAC',
    aliases: ['1709', 'sac1709', 'windows-server-1709'],
    available: '2017-10-17', mainstreamEnd: '2019-04-09', supportEnd: '2019-04-09',
    defaultIsolation: 'process', confidence: 'confirmed', sources: ['LCDATA', 'LIFE'],
  },
  {
    id: 'ws1803', name: 'Windows Server, version 1803', build: 17134, family: 'server', channel: 'SAC',
    aliases: ['1803', 'sac1803', 'windows-server-1803'],
    available: '2018-04-30', mainstreamEnd: '2019-11-12', supportEnd: '2019-11-12',
    defaultIsolation: 'process', confidence: 'confirmed', sources: ['LCDATA', 'LIFE'],
  },
  {
    id: 'ltsc2019', name: 'Windows Server 2019', build: 17763, family: 'server', channel: 'LTSC',
    aliases: ['ws2019', 'server2019', 'windows-server-2019', '2019'],
    available: '2018-11-13', mainstreamEnd: '2024-01-09', supportEnd: '2029-01-09',
    defaultIsolation: 'process', confidence: 'confirmed', sources: ['RELINFO', 'LCDATA', 'LIFE'],
    note:
      'The Nano Server 1809 and Windows 1809 images follow the same 5+5 years (to 2029-01-09) per LIFE ' +
      'from 2023-07 on (earlier tables said n/a) and WS22BLOG.',
  },
  {
    id: 'ws1809', name: 'Windows Server, version 1809', build: 17763, family: 'server', channel: 'SAC',
    aliases: ['1809', 'sac1809', 'windows-server-1809'],
    available: '2018-10-02', mainstreamEnd: '2020-11-10', supportEnd: '2020-11-10',
    defaultIsolation: 'process', confidence: 'confirmed', sources: ['LCDATA', 'SVC'],
    note:
      'Available 2018-10-02 per LCDATA (re-released 2018-11-13). End delayed from 2020-05-12 because of ' +
      'COVID. Same build as Windows Server 2019.',
  },
  {
    id: 'ws1903', name: 'Windows Server, version 1903', build: 18362, family: 'server', channel: 'SAC',
    aliases: ['1903', 'sac1903', 'windows-server-1903'],
    available: '2019-05-21', mainstreamEnd: '2020-12-08', supportEnd: '2020-12-08',
    defaultIsolation: 'process', confidence: 'confirmed', sources: ['LCDATA', 'LIFE'],
  },
  {
    id: 'ws1909', name: 'Windows Server, version 1909', build: 18363, family: 'server', channel: 'SAC',
    aliases: ['1909', 'sac1909', 'windows-server-1909'],
    available: '2019-11-12', mainstreamEnd: '2021-05-11', supportEnd: '2021-05-11',
    defaultIsolation: 'process', confidence: 'confirmed', sources: ['LCDATA', 'LIFE'],
  },
  {
    id: 'ws2004', name: 'Windows Server, version 2004', build: 19041, family: 'server', channel: 'SAC',
    aliases: ['2004', 'sac2004', 'windows-server-2004'],
    available: '2020-05-27', mainstreamEnd: '2021-12-14', supportEnd: '2021-12-14',
    defaultIsolation: 'process', confidence: 'confirmed', sources: ['LCDATA', 'LIFE', 'WS22BLOG'],
  },
  {
    id: 'ws20h2', name: 'Windows Server, version 20H2', build: 19042, family: 'server', channel: 'SAC',
    aliases: ['20h2', 'sac20h2', 'windows-server-20h2', '2009'],
    available: '2020-10-20', mainstreamEnd: '2022-08-09', supportEnd: '2022-08-09',
    defaultIsolation: 'process', confidence: 'confirmed', sources: ['LCDATA', 'LIFE'],
    note: 'Last SAC release. End extended from 2022-05-10 (WS22BLOG) to 2022-08-09 (LIFE@33c26725).',
  },
  {
    id: 'ltsc2022', name: 'Windows Server 2022', build: 20348, family: 'server', channel: 'LTSC',
    aliases: ['ws2022', 'server2022', 'windows-server-2022', '2022'],
    available: '2021-08-18', mainstreamEnd: '2026-10-13', supportEnd: '2031-10-14',
    defaultIsolation: 'process', confidence: 'confirmed', sources: ['RELINFO', 'LIFE'],
  },
  {
    id: 'ws23h2', name: 'Windows Server, version 23H2', build: 25398, family: 'server', channel: 'AC',
    aliases: ['windows-server-23h2', 'annual-23h2'],
    available: '2023-10-24', mainstreamEnd: '2025-04-24', supportEnd: '2025-10-24',
    defaultIsolation: 'process', confidence: 'derived', sources: ['SVC', 'PORT', 'RELINFO'],
    note:
      'Annual Channel for Containers: Server Core only, container hosts only, runs only the WS2022 (ltsc2022) ' +
      'image. Availability date [observed] in third-party data; end dates [derived] from the 24-month rule ' +
      '(18 mainstream + 6 extended). No longer in the RELINFO 2026-05 table.',
  },
  {
    id: 'ltsc2025', name: 'Windows Server 2025', build: 26100, family: 'server', channel: 'LTSC',
    aliases: ['ws2025', 'server2025', 'windows-server-2025', '2025'],
    available: '2024-11-01', mainstreamEnd: '2029-11-13', supportEnd: '2034-11-14',
    defaultIsolation: 'process', confidence: 'confirmed', sources: ['RELINFO', 'LIFE'],
    note: 'Dates from RELINFO; the container doc (LIFE) says 2029-10-09 / 2034-10-10 — prefer RELINFO.',
  },
];

/**
 * Windows 10/11 releases (dev-box hosts). Sources: LCDATA, PRESS (secondary), SYSREQ, ISO, FAQ, MOBY.
 * Containers need Pro/Enterprise (not Home) from 1607 on (SYSREQ).
 */
const CLIENT_RELEASES: readonly WindowsRelease[] = [
  client('10', '1507', 10240, '2015-07-29', '2017-05-09', '2017-05-09'),
  client('10', '1511', 10586, '2015-11-10', '2017-10-10', '2017-10-10'),
  client('10', '1607', 14393, '2016-08-02', '2018-04-10', '2019-04-09'),
  client('10', '1703', 15063, '2017-04-11', '2018-10-09', '2019-10-08'),
  client('10', '1709', 16299, '2017-10-17', '2019-04-09', '2020-10-13'),
  client('10', '1803', 17134, '2018-04-30', '2019-11-12', '2021-05-11'),
  client('10', '1809', 17763, '2018-11-13', '2020-11-10', '2021-05-11', {
    note: 'First client build that may request process isolation (dev/test only; MOBY c907c2486c).',
  }),
  client('10', '1903', 18362, '2019-05-21', '2020-12-08', '2020-12-08'),
  client('10', '1909', 18363, '2019-11-12', '2021-05-11', '2022-05-10'),
  client('10', '2004', 19041, '2020-05-27', '2021-12-14', '2021-12-14'),
  client('10', '20H2', 19042, '2020-10-20', '2022-05-10', '2023-05-09'),
  client('10', '21H1', 19043, '2021-05-18', '2022-12-13', '2022-12-13'),
  client('10', '21H2', 19044, '2021-11-16', '2023-06-13', '2024-06-11'),
  client('10', '22H2', 19045, '2022-10-18', '2025-10-14', '2025-10-14', {
    sources: ['LCDATA', 'PRESS'],
    note: 'End of Windows 10 (ESU afterwards).',
  }),
  client('11', '21H2', 22000, '2021-10-04', '2023-10-10', '2024-10-08'),
  client('11', '22H2', 22621, '2022-09-20', '2024-10-08', '2025-10-14', {
    sources: ['LCDATA', 'PRESS'],
    note: 'The LCDATA 2022 snapshot said Home/Pro end 2024-10-14; 2024-10-08 per neowin/ghacks 2024.',
  }),
  client('11', '23H2', 22631, '2023-10-31', '2025-11-11', '2026-11-10', {
    sources: ['PRESS'], confidence: 'secondary',
  }),
  client('11', '24H2', 26100, '2024-10-01', '2026-10-13', '2027-10-12', {
    sources: ['PRESS'], confidence: 'secondary',
    note: 'First Windows 11 release that runs WS2025 (ltsc2025) images with process isolation (VC).',
  }),
  client('11', '25H2', 26200, '2025-09-30', '2027-10-12', '2028-10-10', {
    sources: ['PRESS'], confidence: 'secondary',
  }),
  client('11', '26H1', 28000, undefined, undefined, undefined, {
    sources: ['PRESS'], confidence: 'unconfirmed',
    note: 'GA 2026-02 on new Arm devices only; support dates [unconfirmed].',
  }),
  // Long-term servicing editions: same builds (and host behaviour) as the GA release, other end dates.
  ltsc('win10-ltsb2015', 'Windows 10 Enterprise LTSB 2015', 10240, {}),
  ltsc('win10-ltsb2016', 'Windows 10 Enterprise LTSB 2016', 14393, { supportEnd: '2026-10-13' }),
  ltsc('win10-ltsc2019', 'Windows 10 Enterprise LTSC 2019', 17763, {
    mainstreamEnd: '2024-01-09', supportEnd: '2029-01-09',
  }),
  ltsc('win10-ltsc2021', 'Windows 10 Enterprise LTSC 2021', 19044, { supportEnd: '2027-01-12' }),
  ltsc('win11-ltsc2024', 'Windows 11 Enterprise LTSC 2024', 26100, {
    supportEnd: '2029-10-09', confidence: 'secondary', sources: ['PRESS'],
    note: 'IoT Enterprise LTSC 2024 is supported to 2034-10-10.',
  }),
];

export const WINDOWS_RELEASES: readonly WindowsRelease[] = [...SERVER_RELEASES, ...CLIENT_RELEASES];

// Row builders for the client table (rows differ only in these fields).
function client(
  major: '10' | '11',
  version: string,
  build: number,
  available: string | undefined,
  mainstreamEnd: string | undefined,
  supportEnd: string | undefined,
  extra: Partial<Pick<WindowsRelease, 'sources' | 'confidence' | 'note'>> = {},
): WindowsRelease {
  const v = version.toLowerCase();
  return {
    id: `win${major}-${v}`,
    name: `Windows ${major} ${version}`,
    build,
    family: 'client',
    channel: 'GA',
    aliases: [`windows${major}-${v}`],
    available,
    mainstreamEnd,
    supportEnd,
    defaultIsolation: 'hyperv',
    confidence: extra.confidence ?? 'confirmed',
    sources: extra.sources ?? ['LCDATA'],
    note: extra.note,
  };
}

function ltsc(
  id: string,
  name: string,
  build: number,
  extra: Partial<Pick<WindowsRelease, 'mainstreamEnd' | 'supportEnd' | 'sources' | 'confidence' | 'note'>>,
): WindowsRelease {
  return {
    id,
    name,
    build,
    family: 'client',
    channel: 'LTSC-client',
    aliases: [id.replace(/^win(10|11)-/, 'windows$1-')],
    mainstreamEnd: extra.mainstreamEnd,
    supportEnd: extra.supportEnd,
    defaultIsolation: 'hyperv',
    confidence: extra.confidence ?? 'confirmed',
    sources: extra.sources ?? ['LCDATA'],
    note: extra.note,
  };
}

const BY_NAME = new Map<string, WindowsRelease>();
for (const r of WINDOWS_RELEASES) {
  for (const name of [r.id, ...r.aliases]) BY_NAME.set(name, r);
}

/** Release by id or alias, case-insensitive (`ltsc2022`, `WS2019`, `win11-24h2`). */
export function findRelease(nameOrAlias: string): WindowsRelease | undefined {
  return BY_NAME.get(nameOrAlias.trim().toLowerCase());
}

/**
 * Every release on a build, in table order: servers first, LTSC before SAC, GA clients before LTSC
 * clients (17763: ltsc2019, ws1809, win10-1809, win10-ltsc2019).
 */
export function releasesForBuild(build: number): WindowsRelease[] {
  return WINDOWS_RELEASES.filter((r) => r.build === build);
}
