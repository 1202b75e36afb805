// Microsoft repositories on MCR: Windows base images (reference §3.2), derived images (§3.3) and their
// multi-platform tags (§3.7); plus the Kubernetes pause images of §3.7.
import type { PublishedTokens, RepositoryInfo, SharedTag } from './schema';

// Conventions. Token lists are lower-case and name rows of WINDOWS_TOKENS. Within `current`, the first
// token of a build is the preferred retag target (`ltsc2019` before `1809`). Shared-tag `windowsBuilds`
// are in index order; where the reference gives only the set, the order is assumed ascending (said in the
// note). Shared tags are matched against the whole tag, case-insensitively, first match wins.

/**
 * Windows base images. Sources: VC, TAGBLOG, UPD, WS19BLOG, LIFE, CBI, INS, WCI.
 * Tag forms besides the token: `<token>-amd64`, `ltsc2025-arm64`, `10.0.<build>.<rev>[-amd64]`,
 * `<token>-KB<nnnnnnn>[-amd64]`, legacy `1809_KB4480116_amd64` / `1809_amd64`, `1809-arm32v7` (Nano).
 * `latest` is not published since 2019-04-16 (VC), hence no shared tag. Token tags are single-entry
 * manifest lists with `os.version` (an older host fails at pull); `-amd64` tags are plain manifests.
 */
const BASE: readonly RepositoryInfo[] = [
  {
    name: 'mcr.microsoft.com/windows/servercore', family: 'windows-base', layout: 'token-first',
    published: [{
      current: ['ltsc2016', 'ltsc2019', '1809', 'ltsc2022', 'ltsc2025'],
      historical: ['1709', '1803', '1903', '1909', '2004', '20h2', '2009', 'win10-21h1-preview'],
      confidence: 'confirmed',
      note: 'current = LTSC releases in support (LIFE); 2009 was a short-lived alias of 20H2 (late 2020).',
    }],
    sharedTags: [], otherTagsAreLinux: false,
    sources: ['VC', 'TAGBLOG', 'UPD', 'LIFE', 'WCI'],
    note: 'KB tags for ltsc2022 are [observed]; KB tags are not always published (pin 10.0.<build>.<rev>).',
  },
  {
    name: 'mcr.microsoft.com/windows/nanoserver', family: 'windows-base', layout: 'token-first',
    published: [
      {
        current: ['1809', 'ltsc2022', 'ltsc2025'],
        historical: ['sac2016', '1709', '1803', '1903', '1909', '2004', '20h2', 'win10-21h1-preview'],
        confidence: 'confirmed',
        note: 'Nano Server 2019 is `1809`; `sac2016` dates from the Docker Hub era.',
      },
      {
        current: [], historical: ['ltsc2019'], confidence: 'observed',
        note: 'Pulled in third-party scripts; Microsoft documents `1809` for Nano Server 2019. Never offered as a retag target.',
      },
    ],
    sharedTags: [], otherTagsAreLinux: false,
    sources: ['VC', 'WS19BLOG', 'WCI', 'TAGBLOG'],
    note: '`1809-arm32v7` (renamed from `1809-arm` in 2019) for IoT; `ltsc2025-arm64` for Windows 11 24H2 ARM64.',
  },
  {
    name: 'mcr.microsoft.com/windows/server', family: 'windows-base', layout: 'token-first',
    published: [{ current: ['ltsc2022', 'ltsc2025'], historical: ['win10-21h1-preview'], confidence: 'confirmed' }],
    sharedTags: [], otherTagsAreLinux: false,
    sources: ['CBI', 'INS', 'VC'],
    note: 'Server with Desktop Experience components (GPU); successor of the `windows` image from 2022 on.',
  },
  {
    name: 'mcr.microsoft.com/windows', family: 'windows-base', layout: 'token-first',
    published: [
      { current: ['1809'], historical: ['1903', '1909', '2004', '20h2'], confidence: 'confirmed' },
      {
        current: [], historical: ['ltsc2019'], confidence: 'observed',
        note: 'Seen in third-party scripts; Microsoft documents `1809`.',
      },
    ],
    sharedTags: [], otherTagsAreLinux: false,
    sources: ['WS19BLOG', 'CBI', 'UPD', 'LIFE'],
    note: 'Not published for 2022/2025 (CBI): retag to mcr.microsoft.com/windows/server.',
  },
  ...['servercore', 'nanoserver', 'server'].map((v): RepositoryInfo => insider(`mcr.microsoft.com/windows/${v}/insider`)),
  insider('mcr.microsoft.com/windows/insider'),
];

/** Insider images: only `10.0.<build>.<rev>` tags, which must run on the matching Insider host. Sources: INS, CBI. */
function insider(name: string): RepositoryInfo {
  return {
    name, family: 'windows-base', layout: 'token-first', published: [], sharedTags: [],
    otherTagsAreLinux: false, sources: ['INS', 'CBI'],
    note: 'Insider images carry only 10.0.<build>.<rev> tags; they must run on the matching Insider host.',
  };
}

/**
 * IIS. Sources: IIS, MCRMAP. Tags `windowsservercore-<token>`, `nanoserver-sac2016`, `nanoserver`, `latest`.
 */
const IIS: RepositoryInfo = {
  name: 'mcr.microsoft.com/windows/servercore/iis', family: 'microsoft', layout: 'variant-suffix',
  published: [
    {
      variant: 'windowsservercore',
      current: ['ltsc2016', 'ltsc2019', 'ltsc2022', 'ltsc2025'],
      historical: ['1709', '1803', '1903', '1909', '2004', '2009', '20h2'],
      confidence: 'derived',
      note: 'The reference lists the tokens without dates; current = the LTSC releases in support [derived].',
    },
    { variant: 'nanoserver', current: [], historical: ['sac2016'], confidence: 'confirmed' },
  ],
  sharedTags: [
    {
      pattern: 'latest', windowsBuilds: [14393, 17763, 20348, 26100], linux: false,
      confidence: 'derived', sources: ['IIS'],
      note: 'A list over all supported LTSC releases (IIS); members and index order (ascending) [derived].',
    },
    {
      pattern: 'nanoserver', windowsBuilds: [14393], linux: false, confidence: 'derived', sources: ['IIS'],
      note: 'Bare Nano Server tag of the 2016 era (beside nanoserver-sac2016) [derived].',
    },
  ],
  otherTagsAreLinux: false,
  sources: ['IIS', 'MCRMAP'],
};

/**
 * .NET Framework: tag `<fx>[-<yyyymmdd>]-windowsservercore-<token>`. Sources: NETFX, MCRMAP.
 * Shared tags (dotnet-framework-docker#1265, #1270): `4.8.1` = ltsc2022 + ltsc2025; `4.8` and `latest` =
 * ltsc2016 + ltsc2019 since Oct 2025 (earlier also ltsc2022; in 2020 also 1903/1909/2004).
 */
const NETFX_PUBLISHED: PublishedTokens = {
  variant: 'windowsservercore',
  current: ['ltsc2016', 'ltsc2019', 'ltsc2022', 'ltsc2025'],
  historical: ['1803', '1903', '1909', '2004', '20h2'],
  confidence: 'confirmed',
  note:
    'Per framework version: 4.8.1 → ltsc2022, ltsc2025 (no 2016/2019 images); 4.8 → ltsc2016, ltsc2019 ' +
    '(its shared tag dropped ltsc2022 in Oct 2025). Historical: 3.5-…, 4.7.2-…-1803, …-2004, …-20H2.',
};
const NETFX_SHARED: SharedTag[] = [
  {
    pattern: '4\\.8\\.1', windowsBuilds: [20348, 26100], linux: false, confidence: 'confirmed', sources: ['NETFX'],
    note: 'Index order assumed ascending.',
  },
  {
    pattern: '4\\.8', windowsBuilds: [14393, 17763], linux: false, confidence: 'confirmed', sources: ['NETFX'],
    note: 'ltsc2022 removed Oct 2025 (dotnet-framework-docker#1270): WS2022 hosts now get 2016/2019 entries. Order assumed ascending.',
  },
  {
    pattern: 'latest', windowsBuilds: [14393, 17763], linux: false, confidence: 'confirmed', sources: ['NETFX'],
    note: 'Same list as 4.8. Order assumed ascending.',
  },
];
const NETFX: RepositoryInfo[] = ['runtime', 'sdk', 'aspnet', 'wcf'].map((r) => ({
  name: `mcr.microsoft.com/dotnet/framework/${r}`, family: 'microsoft', layout: 'variant-suffix',
  published: [NETFX_PUBLISHED], sharedTags: NETFX_SHARED, otherTagsAreLinux: false,
  sources: ['NETFX', 'MCRMAP'],
}));
const NETFX_SAMPLES: RepositoryInfo = {
  name: 'mcr.microsoft.com/dotnet/framework/samples', family: 'microsoft', layout: 'variant-suffix',
  published: [],
  sharedTags: [{
    pattern: '[a-z]+', windowsBuilds: [20348], linux: false, confidence: 'derived', sources: ['NETFX'],
    note: 'Sample tags (aspnetapp, dotnetapp, …) are WS2022 only now (dotnet-framework-docker PR #1266).',
  }],
  otherTagsAreLinux: false, sources: ['NETFX', 'MCRMAP'],
};

/**
 * .NET 5+ (`mcr.microsoft.com/dotnet/*`): `<ver>-nanoserver-<token>`, `<ver>-windowsservercore-<token>`.
 * Sources: NET. From .NET 8 on the multi-platform tags (`8.0`, `9.0`, `10.0`, `latest`) are Linux only;
 * .NET ≤ 7 lists included Nano Server. .NET Core 2.1/3.1 tags were also published here after the rename
 * from `dotnet/core/*` (dotnet-docker#2375), so their shared tags appear in both places.
 */
const NET_CORE_SHARED: SharedTag = {
  pattern: '(?:2\\.1|3\\.1)(?:\\.\\d+)?', windowsBuilds: [17763, 18362, 18363, 19041], linux: true,
  confidence: 'derived', sources: ['NET'],
  note:
    'The `2.1` / `3.1` lists include Nano Server; entries assumed to be the Nano Server releases live in ' +
    'mid-2020 (1809, 1903, 1909, 2004), ascending [derived, not verified].',
};
const NET_SHARED: SharedTag[] = [
  NET_CORE_SHARED,
  {
    pattern: '[5-7]\\.0(?:\\.\\d+)?', windowsBuilds: [17763, 20348], linux: true, confidence: 'derived', sources: ['NET'],
    note:
      '.NET ≤ 7 lists included Nano Server; last entries assumed 1809 + ltsc2022, ascending [derived]. ' +
      'On Windows 11 the 6.0 tag pulled the 1809 image (dotnet-docker#4492).',
  },
  {
    pattern: '\\d+\\.\\d+(?:\\.\\d+)?(?:-(?:preview|rc)\\.\\d+)?|latest', windowsBuilds: [], linux: true,
    confidence: 'confirmed', sources: ['NET'],
    note: 'Linux only since .NET 8 Preview 3: a Windows host cannot pull these (use a `-nanoserver-<token>` tag).',
  },
];
const NET_PUBLISHED: PublishedTokens[] = [
  {
    variant: 'nanoserver',
    current: ['1809', 'ltsc2022', 'ltsc2025'],
    historical: ['sac2016', '1709', '1803', '1903', '1909', '2004', '20h2'],
    confidence: 'confirmed',
    note:
      'Never `nanoserver-ltsc2019`. 8.0/9.0 still list nanoserver-1809 (2026 README). In READMEs: sac2016 ' +
      '2017-11→2019-03, 1709 2017-10→2019-04, 1803 2018-05→2019-11, 1809 2018-10→, 1903 2019-05→2020-12, ' +
      '1909 2019-11→2021-05, 2004 2020-05→2021-12, 20H2 2020-12→2022-08, ltsc2022 2021-08→, ltsc2025 2024-11→.',
  },
  {
    variant: 'windowsservercore', current: ['ltsc2019', 'ltsc2022', 'ltsc2025'], historical: [],
    confidence: 'confirmed', note: 'windowsservercore-ltsc2019 since 2020-10.',
  },
];
const NET: RepositoryInfo[] = ['runtime', 'aspnet', 'sdk'].map((r) => ({
  name: `mcr.microsoft.com/dotnet/${r}`, family: 'microsoft', layout: 'variant-suffix',
  published: NET_PUBLISHED, sharedTags: NET_SHARED, otherTagsAreLinux: true, sources: ['NET'],
}));
/** Linux-only .NET repositories (NET: runtime-deps is documented Linux-only; src/monitor has Linux Dockerfiles only). */
const NET_LINUX: RepositoryInfo[] = ['runtime-deps', 'monitor'].map((r) => ({
  name: `mcr.microsoft.com/dotnet/${r}`, family: 'microsoft', layout: 'variant-suffix',
  published: [], sharedTags: [], otherTagsAreLinux: true, sources: ['NET'],
  note: 'No Windows images: every tag is Linux.',
}));

/** .NET Core 2.1–3.1 (`mcr.microsoft.com/dotnet/core/*`, renamed to `dotnet/*`). Sources: NET. */
const NET_CORE: RepositoryInfo[] = [
  ...['runtime', 'aspnet', 'sdk'].map((r): RepositoryInfo => ({
    name: `mcr.microsoft.com/dotnet/core/${r}`, family: 'microsoft', layout: 'variant-suffix',
    published: [{
      variant: 'nanoserver', current: [], historical: ['1709', '1803', '1809', '1903', '1909', '2004', '20h2'],
      confidence: 'derived',
      note: 'Tokens live while these repositories were published (2019–2022) [derived from the NET availability list].',
    }],
    sharedTags: [NET_CORE_SHARED], otherTagsAreLinux: true, sources: ['NET'],
    note: 'Renamed to mcr.microsoft.com/dotnet/* (dotnet-docker#1939, #2375).',
  })),
  {
    name: 'mcr.microsoft.com/dotnet/core/runtime-deps', family: 'microsoft', layout: 'variant-suffix',
    published: [], sharedTags: [], otherTagsAreLinux: true, sources: ['NET'],
    note: 'Linux-only image.',
  },
];

/**
 * PowerShell: templates `<psver>-<distro>-<short>` and `<distro>-<short>`, channel prefixes `lts-` / `preview-`.
 * Sources: PSD. Windows entries belong to the channel lists (`latest`, `lts`, `preview`) and per-distro lists.
 */
const POWERSHELL: RepositoryInfo = {
  name: 'mcr.microsoft.com/powershell', family: 'microsoft', layout: 'variant-suffix',
  published: [
    {
      variant: 'windowsservercore', current: ['ltsc2022'], historical: ['1909', '2004', '20h2'], confidence: 'confirmed',
      note: '7.4+ publish Server Core 2022 only.',
    },
    {
      variant: 'nanoserver', current: [], historical: ['1809', '1909', '2004', '20h2', 'ltsc2022'], confidence: 'derived',
      note: 'From the PSD release folders (nanoserver1809 … nanoserver2022); no longer a retag target.',
    },
    { variant: 'windowsserver', current: [], historical: ['ltsc2022'], confidence: 'derived', note: 'PSD windowsserver2022 (7.2, 7.4).' },
  ],
  sharedTags: [
    {
      pattern: 'latest|lts|preview', windowsBuilds: [20348], linux: true, confidence: 'derived', sources: ['PSD'],
      note: 'Channel lists include the windowsservercore-ltsc2022 entry (meta.json manifestLists ${channelTag}) [derived].',
    },
    {
      pattern: '(?:lts-|preview-)?windowsservercore', windowsBuilds: [20348], linux: false, confidence: 'derived', sources: ['PSD'],
    },
    {
      pattern: '(?:lts-|preview-)?windowsserver', windowsBuilds: [20348], linux: false, confidence: 'derived', sources: ['PSD'],
    },
    {
      pattern: '(?:lts-|preview-)?nanoserver', windowsBuilds: [17763, 20348], linux: false, confidence: 'derived', sources: ['PSD'],
      note: 'Made from the nanoserver1809 and nanoserver2022 entries; no longer updated [derived]. Order assumed ascending.',
    },
  ],
  otherTagsAreLinux: true,
  sources: ['PSD', 'MCRMAP'],
};

/**
 * Kubernetes pause (sandbox) images: multi-arch lists with Windows entries from 3.6 on (K8SW intro).
 * Windows builds [derived]; they must suit the node's Windows version like any image.
 */
const PAUSE_SHARED: SharedTag = {
  pattern: '3\\.(?:[6-9]|\\d{2,})(?:\\.\\d+)?', windowsBuilds: [17763, 20348, 26100], linux: true,
  confidence: 'derived', sources: ['K8SW'],
  note: 'Windows entries 1809, ltsc2022, ltsc2025 assumed, ascending [derived]; older tags are Linux only.',
};
const PAUSE: RepositoryInfo[] = [
  {
    name: 'registry.k8s.io/pause', family: 'other', layout: 'token-first', published: [],
    sharedTags: [PAUSE_SHARED], otherTagsAreLinux: true, sources: ['K8SW'],
  },
  {
    name: 'mcr.microsoft.com/oss/kubernetes/pause', family: 'microsoft', layout: 'token-first', published: [],
    sharedTags: [PAUSE_SHARED], otherTagsAreLinux: true, sources: ['K8SW'],
  },
];

export const MICROSOFT_REPOSITORIES: readonly RepositoryInfo[] = [
  ...BASE, IIS, ...NETFX, NETFX_SAMPLES, ...NET, ...NET_LINUX, ...NET_CORE, POWERSHELL, ...PAUSE,
];
