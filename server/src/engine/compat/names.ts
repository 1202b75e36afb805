import { releasesForBuild } from '../data/releases';
import { formatBuild } from '../resolve/resolve-image';

/** `Windows Server 2019 (10.0.17763)`: the server release a build is known by, else the build alone. */
export function releaseLabel(build: number, revision?: number): string {
  const name = releaseName(build);
  return name ? `${name} (${formatBuild(build, revision)})` : formatBuild(build, revision);
}

/** the server release a build is known by (`Windows Server 2019`), if any */
export function releaseName(build: number): string | undefined {
  const rs = releasesForBuild(build);
  return (rs.find((x) => x.family === 'server' && x.channel === 'LTSC') ?? rs.find((x) => x.family === 'server') ?? rs[0])?.name;
}
