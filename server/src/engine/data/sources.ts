// Source keys cited by every knowledge table (`sources: [...]` on each row).
// One entry per key of the reference's "Source key" table (§0 of shared/reference/windows-containers.md),
// followed by three supplementary keys (PRESS, WCI, K8SAPI) for sources the reference cites inline
// without a §0 key. `url` is the published page; `path` is `<repository>: <file(s)>` where the reference
// read the source text from git.

export interface SourceInfo {
  title: string;
  url?: string;
  path?: string;
}

const VIRT_DOCS = 'MicrosoftDocs/Virtualization-Documentation';

export const SOURCES: Record<string, SourceInfo> = {
  VC: {
    title: 'Windows container version compatibility (Microsoft Learn, ms.date 2025-01-23, and its git history)',
    url: 'https://learn.microsoft.com/virtualization/windowscontainers/deploy-containers/version-compatibility',
    path: `${VIRT_DOCS}: virtualization/windowscontainers/deploy-containers/version-compatibility.md`,
  },
  ISO: {
    title: 'Isolation modes (Hyper-V isolation)',
    url: 'https://learn.microsoft.com/virtualization/windowscontainers/manage-containers/hyperv-container',
    path: `${VIRT_DOCS}: virtualization/windowscontainers/manage-containers/hyperv-container.md`,
  },
  FAQ: {
    title: 'Windows containers FAQ',
    path: `${VIRT_DOCS}: virtualization/windowscontainers/about/faq.yml`,
  },
  LIFE: {
    title: 'Windows container base image lifecycles (current and historical commits 33c26725, 2b552f58, 42469cc2~2)',
    url: 'https://learn.microsoft.com/virtualization/windowscontainers/deploy-containers/base-image-lifecycle',
    path: `${VIRT_DOCS}: virtualization/windowscontainers/deploy-containers/base-image-lifecycle.md`,
  },
  UPD: {
    title: 'Update Windows Server containers (revision rules, February 2020 "2B" baseline)',
    path: `${VIRT_DOCS}: virtualization/windowscontainers/deploy-containers/update-containers.md`,
  },
  PORT: {
    title: 'Container portability (Annual Channel hosts and the WS2022 image)',
    path: `${VIRT_DOCS}: virtualization/windowscontainers/deploy-containers/portability.md`,
  },
  CBI: {
    title: 'Container base images',
    path: `${VIRT_DOCS}: virtualization/windowscontainers/manage-containers/container-base-images.md`,
  },
  INS: {
    title: 'Windows Insider container images',
    path: `${VIRT_DOCS}: virtualization/windowscontainers/deploy-containers/insider-overview.md`,
  },
  SYSREQ: {
    title: 'Windows container system requirements',
    path: `${VIRT_DOCS}: virtualization/windowscontainers/deploy-containers/system-requirements.md`,
  },
  LNX: {
    title: 'Linux containers on Windows',
    path: `${VIRT_DOCS}: virtualization/windowscontainers/deploy-containers/set-up-linux-containers.md`,
  },
  MSWARM: {
    title: 'Getting started with swarm mode (Microsoft)',
    path: `${VIRT_DOCS}: virtualization/windowscontainers/manage-containers/swarm-mode.md`,
  },
  UPG: {
    title: 'Upgrade Windows containers',
    path: `${VIRT_DOCS}: virtualization/windowscontainers/deploy-containers/upgrade-windows-containers.md`,
  },
  RELINFO: {
    title: 'Windows Server release information (release health; copy dated 2026-05-12)',
    url: 'https://learn.microsoft.com/windows/release-health/windows-server-release-info',
  },
  LCDATA: {
    title: 'Microsoft lifecycle data (localized copy at commit c35053b, 2022-09)',
    path: 'MicrosoftDocs/lifecycle-data-pr.de-de: lifecycle-data/products/*.yml',
  },
  SVC: {
    title: 'Windows Server servicing channels, Annual Channel for containers, release info (2020 version)',
    path:
      'MicrosoftDocs/windowsserverdocs: WindowsServerDocs/get-started/servicing-channels-comparison.md, ' +
      'annual-channel-for-containers.md, windows-server-release-info.md',
  },
  HCS: {
    title: 'hcsshim osversion package (build constants and platform compatibility; commit bacda3961, 2024-11)',
    path:
      'microsoft/hcsshim: osversion/windowsbuilds.go, osversion/platform_compat_windows.go, ' +
      'osversion/platform_compat_windows_test.go',
  },
  CPLAT: {
    title: 'containerd platforms matcher for Windows (v1.0.0-rc.2+ knows WS2025)',
    path: 'containerd/platforms: platform_windows_compat.go, defaults_windows.go, platforms.go',
  },
  CCFG: {
    title: 'containerd CRI configuration for Windows (runtime handlers)',
    path: 'containerd/containerd: internal/cri/config/config_windows.go, internal/cri/config/config.go',
  },
  MOBY: {
    title: 'Docker Engine (moby) Windows pull filter and default isolation (commit c907c2486c, 2018-10)',
    path: 'moby/moby: daemon/internal/distribution/pull_v2_windows.go, daemon/daemon_windows.go',
  },
  SWK: {
    title: 'SwarmKit constraints and scheduler filters',
    path: 'moby/swarmkit: manager/constraint/constraint.go, manager/scheduler/filter.go, api/types.proto',
  },
  OCI: {
    title: 'OCI image spec (image index, image config)',
    path: 'opencontainers/image-spec: image-index.md, config.md',
  },
  K8SL: {
    title: 'Kubernetes well-known labels, annotations and taints',
    url: 'https://kubernetes.io/docs/reference/labels-annotations-taints/',
    path: 'kubernetes/website: content/en/docs/reference/labels-annotations-taints/_index.md',
  },
  K8SW: {
    title: 'Windows in Kubernetes (intro and user guide)',
    url: 'https://kubernetes.io/docs/concepts/windows/intro/',
    path: 'kubernetes/website: content/en/docs/concepts/windows/{intro,user-guide}.md',
  },
  CSPEC: {
    title: 'Compose specification (services, build, deploy, JSON schema)',
    path: 'compose-spec/compose-spec: 05-services.md, build.md, deploy.md, schema/compose-spec.json',
  },
  DCLI: {
    title: 'docker service create (CLI reference)',
    url: 'https://docs.docker.com/reference/cli/docker/service/create/',
    path: 'docker/cli: docs/reference/commandline/service_create.md',
  },
  DFILE: {
    title: 'Dockerfile reference',
    url: 'https://docs.docker.com/reference/dockerfile/',
    path: 'moby/buildkit: frontend/dockerfile/docs/reference.md',
  },
  MCRMAP: {
    title: 'Docker Hub to MCR repository mapping',
    path: 'microsoft/containerregistry: docs/dockerhub-to-mcr-repo-mapping.md',
  },
  TAGBLOG: {
    title: 'Updates to our container tagging format (Jan 2019)',
    url: 'https://techcommunity.microsoft.com/t5/containers/updates-to-our-container-tagging-format/ba-p/382435',
  },
  WS19BLOG: {
    title: 'Windows Server 2019 now available (Nov 2018)',
    url: 'https://techcommunity.microsoft.com/t5/containers/windows-server-2019-now-available/ba-p/382430',
  },
  WS22BLOG: {
    title: 'Windows Server 2022 and beyond for containers (Sep 2021)',
    url: 'https://techcommunity.microsoft.com/t5/containers/windows-server-2022-and-beyond-for-containers/ba-p/2712487',
  },
  NETFX: {
    title: '.NET Framework container images (README, manifest.json, Dockerfiles; history back to 2018)',
    path: 'microsoft/dotnet-framework-docker: README.aspnet.md, manifest.json, src/**/Dockerfile',
  },
  NET: {
    title: '.NET container images (README, supported tags and platforms policies)',
    path:
      'dotnet/dotnet-docker: README.aspnet.md, documentation/supported-tags.md, ' +
      'documentation/supported-platforms.md',
  },
  IIS: {
    title: 'IIS container image (README and directory history)',
    path: 'microsoft/iis-docker: README.md',
  },
  PSD: {
    title: 'PowerShell container images (meta.json tag templates, build helper)',
    path: 'PowerShell/PowerShell-Docker: release/*/*/meta.json, tools/buildHelper/buildHelper.psm1',
  },
  DOI: {
    title: 'Docker official images library definitions (head 2026-08, and history)',
    path: 'docker-library/official-images: library/*',
  },

  // Supplementary keys: cited inline by the reference, not listed in its §0.
  PRESS: {
    title:
      'Third-party lifecycle pages and press coverage (ghacks, thewindowsclub, wikimili, pureinfotech, neowin, ' +
      'Windows Central, windowsforum); secondary or unconfirmed',
  },
  WCI: {
    title: 'microsoft/Windows-Containers GitHub issues (#170, #334, #389, #586)',
    url: 'https://github.com/microsoft/Windows-Containers/issues',
  },
  K8SAPI: {
    title: 'Kubernetes API reference: workload resources (pod template paths)',
    url: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/',
  },
};
