// Deprecated / moved repositories and their successors (reference §3.6).
import type { RepositoryMove } from './schema';

// Names are normalised: Docker Hub names carry `docker.io/`, single-segment official names
// `docker.io/library/`. `sameTags` is true only where the reference says the tags carry over (or the new
// repository is the same image under a new name); elsewhere the tag scheme changed or was not verified, so
// a fix must not rewrite the reference blindly.

/** Legacy repository → successor. Sources: MCRMAP, WS19BLOG, VC (repo commit 9656347c), CBI, NETFX, NET, DOI. */
export const REPOSITORY_MOVES: readonly RepositoryMove[] = [
  {
    from: 'docker.io/microsoft/windowsservercore', to: 'mcr.microsoft.com/windows/servercore', sameTags: true,
    sources: ['MCRMAP', 'WS19BLOG'],
    note: 'Docker Hub `latest` was WS2016 (ltsc2016); MCR publishes no `latest` (since 2019-04-16).',
  },
  {
    from: 'docker.io/microsoft/nanoserver', to: 'mcr.microsoft.com/windows/nanoserver', sameTags: true,
    sources: ['MCRMAP', 'WS19BLOG'],
    note: 'Docker Hub `latest` was Nano Server 2016 (sac2016); MCR publishes no `latest`.',
  },
  {
    from: 'docker.io/microsoft/windowsservercore-insider', to: 'mcr.microsoft.com/windows/servercore/insider',
    sameTags: true, sources: ['MCRMAP'],
  },
  {
    from: 'docker.io/microsoft/nanoserver-insider', to: 'mcr.microsoft.com/windows/nanoserver/insider',
    sameTags: true, sources: ['MCRMAP'],
  },
  {
    from: 'mcr.microsoft.com/windowsservercore-insider', to: 'mcr.microsoft.com/windows/servercore/insider',
    sameTags: true, sources: ['VC', 'CBI'], note: '2018 preview name.',
  },
  {
    from: 'mcr.microsoft.com/windows-insider', to: 'mcr.microsoft.com/windows/insider',
    sameTags: true, sources: ['VC', 'CBI'], note: '2018 preview name.',
  },
  {
    from: 'docker.io/microsoft/iis', to: 'mcr.microsoft.com/windows/servercore/iis', sameTags: true,
    sources: ['MCRMAP'],
  },
  {
    from: 'docker.io/microsoft/aspnet', to: 'mcr.microsoft.com/dotnet/framework/aspnet', sameTags: false,
    sources: ['MCRMAP'], note: 'microsoft/aspnet-docker archived 2019; tag carry-over not stated.',
  },
  {
    from: 'docker.io/microsoft/dotnet-framework', to: 'mcr.microsoft.com/dotnet/framework/sdk', sameTags: false,
    sources: ['MCRMAP', 'NETFX'], note: 'Runtime tags go to mcr.microsoft.com/dotnet/framework/runtime.',
  },
  {
    from: 'docker.io/microsoft/dotnet-framework-build', to: 'mcr.microsoft.com/dotnet/framework/sdk',
    sameTags: false, sources: ['MCRMAP', 'NETFX'],
  },
  {
    from: 'docker.io/microsoft/wcf', to: 'mcr.microsoft.com/dotnet/framework/wcf', sameTags: false,
    sources: ['MCRMAP'],
  },
  {
    from: 'docker.io/microsoft/dotnet-framework-samples', to: 'mcr.microsoft.com/dotnet/framework/samples',
    sameTags: false, sources: ['MCRMAP'],
  },
  {
    from: 'docker.io/microsoft/dotnet', to: 'mcr.microsoft.com/dotnet/sdk', sameTags: false, sources: ['MCRMAP'],
    note: 'Runtime / aspnetcore-runtime tags go to mcr.microsoft.com/dotnet/runtime and …/dotnet/aspnet.',
  },
  {
    from: 'docker.io/microsoft/aspnetcore', to: 'mcr.microsoft.com/dotnet/aspnet', sameTags: false,
    sources: ['MCRMAP'],
  },
  {
    from: 'docker.io/microsoft/aspnetcore-build', to: 'mcr.microsoft.com/dotnet/sdk', sameTags: false,
    sources: ['MCRMAP'],
  },
  ...['runtime', 'aspnet', 'sdk', 'runtime-deps'].flatMap((r): RepositoryMove[] => [
    {
      from: `mcr.microsoft.com/dotnet/core/${r}`, to: `mcr.microsoft.com/dotnet/${r}`, sameTags: true,
      sources: ['NET'], note: 'Renamed (dotnet-docker#2375); 2.1/3.1 tags were published under the new name too.',
    },
    {
      from: `mcr.microsoft.com/dotnet/core-nightly/${r}`, to: `mcr.microsoft.com/dotnet/nightly/${r}`,
      sameTags: true, sources: ['NET'], note: 'Renamed (dotnet-docker#2375).',
    },
  ]),
  {
    from: 'docker.io/microsoft/powershell', to: 'mcr.microsoft.com/powershell', sameTags: true,
    sources: ['MCRMAP'],
  },
  {
    from: 'docker.io/microsoft/mssql-server-windows-developer', to: null, sameTags: false, sources: ['MCRMAP'],
    note: 'Deleted (scheduled 2021-06-30); no Windows successor.',
  },
  {
    from: 'docker.io/microsoft/mssql-server-windows-express', to: null, sameTags: false, sources: ['MCRMAP'],
    note: 'Deleted (scheduled 2021-06-30); no Windows successor.',
  },
  {
    from: 'docker.io/microsoft/azure-cosmosdb-emulator', to: 'mcr.microsoft.com/cosmosdb/windows/azure-cosmos-emulator',
    sameTags: false, sources: ['MCRMAP'],
  },
  {
    from: 'docker.io/microsoft/vsts-agent', to: 'mcr.microsoft.com/azure-pipelines/vsts-agent', sameTags: false,
    sources: ['MCRMAP'],
  },
  {
    from: 'docker.io/library/openjdk', to: 'docker.io/library/eclipse-temurin', sameTags: false, sources: ['DOI'],
    note: '[derived] openjdk keeps only early-access tags; GA builds moved to eclipse-temurin et al.',
  },
];

const BY_FROM = new Map<string, RepositoryMove>(REPOSITORY_MOVES.map((m) => [m.from, m]));

/** The move of a legacy repository, by normalised name (`docker.io/microsoft/windowsservercore`). */
export function findMove(normalizedName: string): RepositoryMove | undefined {
  return BY_FROM.get(normalizedName.toLowerCase());
}
