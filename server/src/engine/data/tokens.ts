// Windows version tokens as they appear in image tags (reference §3.5, with §1.1 and §3.2).
import type { WindowsToken } from './schema';

/**
 * Token → build. Sources: VC, TAGBLOG, LIFE, WS19BLOG, NET, IIS, DOI.
 * Build-number tags (`10.0.<build>[.<rev>]`) are a pattern, not a token, and are not listed here.
 * `unambiguous` is true only for tokens that cannot be read as a version number (`ltsc*`, `sac2016`,
 * `win10-21h1-preview`); the SAC tokens (`1709` … `20h2`, `2009`) count only after a Windows variant word
 * (`windowsservercore-`, `nanoserver-`, `servercore-`) or in a Microsoft Windows repository [derived].
 */
export const WINDOWS_TOKENS: readonly WindowsToken[] = [
  {
    token: 'ltsc2016', build: 14393, unambiguous: true, confidence: 'confirmed', sources: ['VC', 'LIFE'],
    note: 'Windows Server 2016 Server Core.',
  },
  {
    token: 'sac2016', build: 14393, unambiguous: true, confidence: 'confirmed', sources: ['VC', 'LIFE', 'NET'],
    note: 'Nano Server 2016 ("1607" SAC image), Docker Hub era; image support ended 2018-10-09 (LIFE@33c26725).',
  },
  { token: '1709', build: 16299, unambiguous: false, confidence: 'confirmed', sources: ['VC', 'LIFE'] },
  { token: '1803', build: 17134, unambiguous: false, confidence: 'confirmed', sources: ['VC', 'LIFE'] },
  {
    token: '1809', build: 17763, unambiguous: false, confidence: 'confirmed', sources: ['VC', 'LIFE', 'WS19BLOG'],
    note: 'Used for Nano Server 2019, the Windows image and docker-library images (never `ltsc2019` there).',
  },
  {
    token: 'ltsc2019', build: 17763, unambiguous: true, confidence: 'confirmed', sources: ['VC', 'LIFE', 'WS19BLOG'],
    note: 'Server Core 2019 and .NET windowsservercore images; Nano Server uses `1809`.',
  },
  { token: '1903', build: 18362, unambiguous: false, confidence: 'confirmed', sources: ['VC', 'LIFE'] },
  { token: '1909', build: 18363, unambiguous: false, confidence: 'confirmed', sources: ['VC', 'LIFE'] },
  { token: '2004', build: 19041, unambiguous: false, confidence: 'confirmed', sources: ['VC', 'LIFE'] },
  {
    token: '20h2', build: 19042, unambiguous: false, confidence: 'confirmed', sources: ['VC', 'LIFE'],
    note: 'Published as `20H2`; tokens compare case-insensitively.',
  },
  {
    token: '2009', build: 19042, unambiguous: false, confidence: 'confirmed', sources: ['IIS', 'VC'],
    note: 'Alias of 20H2 used briefly in late 2020 (servercore, IIS `windowsservercore-2009`).',
  },
  {
    token: 'ltsc2022', build: 20348, unambiguous: true, confidence: 'confirmed', sources: ['VC', 'LIFE'],
  },
  {
    token: 'win10-21h1-preview', build: 20348, unambiguous: true, confidence: 'derived', sources: ['VC'],
    note:
      'Temporary 2021 servercore/nanoserver/server tags letting Windows 10 21H1 run WS2022 images under ' +
      'Hyper-V (VC@625cdb25); build 20348 [derived].',
  },
  {
    token: 'ltsc2025', build: 26100, unambiguous: true, confidence: 'confirmed', sources: ['VC', 'LIFE', 'WCI'],
    note: '`ltsc2025` is amd64-only [observed]; arm64 needs `ltsc2025-arm64`.',
  },
];

const BY_TOKEN = new Map<string, WindowsToken>(WINDOWS_TOKENS.map((t) => [t.token, t]));

/** Token row, case-insensitive (`20H2` → 19042). */
export function tokenInfo(token: string): WindowsToken | undefined {
  return BY_TOKEN.get(token.trim().toLowerCase());
}

/** Every token that names a build (17763 → `1809`, `ltsc2019`), in table order. */
export function tokensForBuild(build: number): WindowsToken[] {
  return WINDOWS_TOKENS.filter((t) => t.build === build);
}
