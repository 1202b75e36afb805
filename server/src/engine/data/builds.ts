// Windows builds relevant to containers (reference §1.1).
import type { WindowsBuild } from './schema';

/**
 * Build → product table. Sources: VC, LCDATA, HCS, LIFE, WS19BLOG, NET, IIS, PORT, SVC, WCI, PRESS.
 * hcsshim's and containerd's build constants stop at 26100; 22631, 26200 and 28000 are known only from
 * third-party pages (PRESS). The reference also lists Windows 11 26H2 (enablement package on the 24H2/25H2
 * branch, fall 2026) with an unknown build number "(?)"; it is left out because a row needs a build.
 */
export const WINDOWS_BUILDS: readonly WindowsBuild[] = [
  {
    build: 10240, version: '1507', codename: 'TH1',
    serverProducts: [], clientProducts: ['Windows 10 1507', 'Windows 10 Enterprise LTSB 2015'],
    containerImages: false, confidence: 'confirmed', sources: ['VC', 'LCDATA'],
    note: 'Windows containers start at 14393.',
  },
  {
    build: 10586, version: '1511', codename: 'TH2',
    serverProducts: [], clientProducts: ['Windows 10 1511'],
    containerImages: false, confidence: 'confirmed', sources: ['VC', 'LCDATA'],
  },
  {
    build: 14393, version: '1607', codename: 'RS1',
    serverProducts: ['Windows Server 2016'],
    clientProducts: ['Windows 10 1607 (Anniversary Update)', 'Windows 10 Enterprise LTSB 2016'],
    containerImages: true, confidence: 'confirmed', sources: ['VC', 'HCS', 'LIFE', 'NET'],
    note:
      'Tags: ltsc2016 (Server Core), sac2016 (Nano Server 2016, "1607" SAC image), 10.0.14393.<rev>; ' +
      'old Docker Hub `latest` of microsoft/windowsservercore and microsoft/nanoserver.',
  },
  {
    build: 15063, version: '1703', codename: 'RS2',
    serverProducts: [], clientProducts: ['Windows 10 1703 (Creators Update)'],
    containerImages: false, confidence: 'confirmed', sources: ['HCS'],
    note: 'hcsshim marks RS2 "client-only".',
  },
  {
    build: 16299, version: '1709', codename: 'RS3',
    serverProducts: ['Windows Server, version 1709'], clientProducts: ['Windows 10 1709 (Fall Creators Update)'],
    containerImages: true, confidence: 'confirmed', sources: ['HCS', 'LIFE', 'VC'],
    note: 'Tags: 1709, 1709_KB… (old underscore KB form). Server Core and Nano Server images.',
  },
  {
    build: 17134, version: '1803', codename: 'RS4',
    serverProducts: ['Windows Server, version 1803'], clientProducts: ['Windows 10 1803'],
    containerImages: true, confidence: 'confirmed', sources: ['HCS', 'LIFE'],
  },
  {
    build: 17763, version: '1809', codename: 'RS5',
    serverProducts: ['Windows Server 2019', 'Windows Server, version 1809'],
    clientProducts: ['Windows 10 1809', 'Windows 10 Enterprise LTSC 2019'],
    containerImages: true, confidence: 'confirmed', sources: ['HCS', 'LIFE', 'WS19BLOG'],
    note:
      'Tags: ltsc2019, 1809, 10.0.17763.<rev>, 1809-KB…. Server Core ltsc2019/1809, Nano Server 1809, ' +
      'Windows 1809. Windows 10 1809 and WS2019 diverged through separate updates (VC).',
  },
  {
    build: 18362, version: '1903', codename: '19H1',
    serverProducts: ['Windows Server, version 1903'], clientProducts: ['Windows 10 1903'],
    containerImages: true, confidence: 'confirmed', sources: ['HCS', 'LIFE'],
  },
  {
    build: 18363, version: '1909', codename: '19H2',
    serverProducts: ['Windows Server, version 1909'], clientProducts: ['Windows 10 1909'],
    containerImages: true, confidence: 'confirmed', sources: ['HCS', 'LIFE'],
  },
  {
    build: 19041, version: '2004', codename: '20H1',
    serverProducts: ['Windows Server, version 2004'], clientProducts: ['Windows 10 2004'],
    containerImages: true, confidence: 'confirmed', sources: ['HCS', 'LIFE'],
  },
  {
    build: 19042, version: '20H2',
    serverProducts: ['Windows Server, version 20H2'], clientProducts: ['Windows 10 20H2'],
    containerImages: true, confidence: 'confirmed', sources: ['HCS', 'LIFE', 'IIS'],
    note:
      'Last SAC server release. Tags 20H2 and briefly 2009 (IIS commit bb09a8a, 2020-10, ' +
      '"added windows 2009", later renamed 20H2).',
  },
  {
    build: 19043, version: '21H1',
    serverProducts: [], clientProducts: ['Windows 10 21H1'],
    containerImages: false, confidence: 'confirmed', sources: ['HCS', 'VC', 'LCDATA'],
    note:
      'hcsshim calls it "Windows Server 21H1 SAC" and the 2021-09 VC matrix briefly listed "Windows Server, ' +
      'version 21H1" images, but no GA server release exists (LCDATA windows-server.yml ends at 20H2): ' +
      'the server product is [unconfirmed] and therefore not listed. No official GA images known.',
  },
  {
    build: 19044, version: '21H2',
    serverProducts: [], clientProducts: ['Windows 10 21H2', 'Windows 10 Enterprise LTSC 2021'],
    containerImages: false, confidence: 'confirmed', sources: ['HCS'],
  },
  {
    build: 19045, version: '22H2',
    serverProducts: [], clientProducts: ['Windows 10 22H2'],
    containerImages: false, confidence: 'confirmed', sources: ['HCS'],
    note: 'Last Windows 10 release.',
  },
  {
    build: 20348, version: '21H2',
    serverProducts: ['Windows Server 2022'], clientProducts: [],
    containerImages: true, confidence: 'confirmed', sources: ['HCS', 'LIFE'],
    note: 'Tags: ltsc2022, 10.0.20348.<rev>, ltsc2022-KB…. Server Core, Nano Server and Server images.',
  },
  {
    build: 22000, version: '21H2',
    serverProducts: [], clientProducts: ['Windows 11 21H2'],
    containerImages: false, confidence: 'confirmed', sources: ['HCS'],
  },
  {
    build: 22621, version: '22H2',
    serverProducts: [], clientProducts: ['Windows 11 22H2'],
    containerImages: false, confidence: 'confirmed', sources: ['HCS'],
  },
  {
    build: 22631, version: '23H2',
    serverProducts: [], clientProducts: ['Windows 11 23H2'],
    containerImages: false, confidence: 'secondary', sources: ['PRESS'],
    note: 'Not in the hcsshim build list; from third-party lifecycle pages.',
  },
  {
    build: 25398, version: '23H2',
    serverProducts: ['Windows Server, version 23H2'], clientProducts: [],
    containerImages: false, confidence: 'confirmed', sources: ['HCS', 'PORT', 'SVC'],
    note:
      'Annual Channel for Containers, Server Core only; no images of its own (23H2 hosts run ltsc2022 ' +
      'images). OSDisplayVersion reads 23H2 but the product name says "Windows Server 2022": use the build.',
  },
  {
    build: 26100, version: '24H2', codename: 'Germanium',
    serverProducts: ['Windows Server 2025'], clientProducts: ['Windows 11 24H2', 'Windows 11 Enterprise LTSC 2024'],
    containerImages: true, confidence: 'confirmed', sources: ['HCS', 'LIFE', 'WCI'],
    note:
      'Tags: ltsc2025, 10.0.26100.<rev>, ltsc2025-arm64. Server Core, Nano Server and Server images, ' +
      'amd64 and arm64 (arm64 on Windows 11 24H2 ARM64 hosts, Windows-Containers#586).',
  },
  {
    build: 26200, version: '25H2',
    serverProducts: [], clientProducts: ['Windows 11 25H2'],
    containerImages: false, confidence: 'secondary', sources: ['PRESS'],
    note: 'Enablement package on the 24H2 branch. Not in the hcsshim build list; from press coverage.',
  },
  {
    build: 28000, version: '26H1', codename: 'Bromine',
    serverProducts: [], clientProducts: ['Windows 11 26H1'],
    containerImages: false, confidence: 'unconfirmed', sources: ['PRESS'],
    note: 'New Arm devices only, not offered as an update. Build number from press coverage only.',
  },
];

const BY_BUILD = new Map<number, WindowsBuild>(WINDOWS_BUILDS.map((b) => [b.build, b]));

/** The row for a build number, if the reference knows it. */
export function buildInfo(build: number): WindowsBuild | undefined {
  return BY_BUILD.get(build);
}
