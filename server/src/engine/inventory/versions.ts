// Reading Windows versions, architectures and product names out of the strings tools print
// (reference §4.1 node labels, §4.7 docker info, §1.1 builds).

export interface WindowsVersion { build: number; revision?: number; arch?: string }

/**
 * `10.0.17763.5576` (kubelet kernelVersion, ver), `10.0.17763` (windows-build label, OsVersion),
 * `17763.1715` (the manual beta.kubernetes.io/osbuild label), `10.0 14393 (14393.1715.amd64fre.rs1_…)`
 * (describe Kernel Version, docker info: the build lab string, whose revision stays `1` from 1809 on, so a
 * `.1` there says nothing about the host's updates), `… (OS Build 17763.5576)` (docker info Operating System).
 */
export function parseWindowsVersion(text: string | undefined): WindowsVersion | undefined {
  if (!text) return undefined;
  const s = String(text).trim();
  let m = /\(OS Build (\d{5})\.(\d+)\)/i.exec(s);
  if (m) return { build: Number(m[1]), revision: Number(m[2]) };
  m = /^10\.0 (\d{5})\s*\((\d{5})\.(\d+)\.(\w+?)fre\b/i.exec(s);
  if (m) {
    const rev = Number(m[3]);
    return { build: Number(m[1]), revision: rev > 1 ? rev : undefined, arch: normalizeArch(m[4]) };
  }
  m = /^(\d{5})\.(\d+)\.(\w+?)fre\b/i.exec(s); // WindowsBuildLabEx alone
  if (m) return { build: Number(m[1]), revision: Number(m[2]) > 1 ? Number(m[2]) : undefined, arch: normalizeArch(m[3]) };
  m = /^(?:10\.0[. ])?(\d{5})(?:\.(\d+))?$/.exec(s);
  if (m) return { build: Number(m[1]), revision: m[2] !== undefined ? Number(m[2]) : undefined };
  m = /\[Version 10\.0\.(\d{5})(?:\.(\d+))?\]/i.exec(s);
  if (m) return { build: Number(m[1]), revision: m[2] !== undefined ? Number(m[2]) : undefined };
  return undefined;
}

/** A label value that looks like a Windows build: `10.0.17763`, `10.0.14393.1715`. */
export function looksLikeBuild(value: string): boolean {
  return /^10\.0\.\d{5}(?:\.\d+)?$/.test(value.trim());
}

/** amd64 for x86_64/x64/AMD64/`x64-based PC`; arm64 for aarch64/ARM64/`ARM 64-bit Processor`. */
export function normalizeArch(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const s = String(text).trim().toLowerCase();
  if (/^(x86_64|x86-64|x64|amd64)\b|^x64-based/.test(s)) return 'amd64';
  if (/^(aarch64|arm64)\b|^arm64-based|^arm 64-bit/.test(s)) return 'arm64';
  if (/^(armv7l?|arm)$/.test(s)) return 'arm';
  if (s === '64-bit') return 'amd64';
  return s || undefined;
}

/** `Windows 10 Enterprise`, `Microsoft Windows 11 Pro` → client; `Windows Server …` → server. */
export function familyOfProduct(product: string | undefined): 'server' | 'client' | undefined {
  if (!product) return undefined;
  if (/windows\s+server|nano\s+server/i.test(product)) return 'server';
  // docker ≥ 23 prints `Microsoft Windows Version 22H2 (OS Build …)` for clients, `… Windows Server Version …` for servers
  if (/windows\s+(10|11)\b|^Microsoft Windows Version\b/i.test(product)) return 'client';
  return undefined;
}

/** The OS of a product or kernel string, when it says. */
export function osOfProduct(product: string | undefined, kernel?: string): 'windows' | 'linux' | undefined {
  if (product && /windows/i.test(product)) return 'windows';
  if (kernel && /^10\.0[. ]\d{5}/.test(kernel.trim())) return 'windows';
  if (product || kernel) return 'linux';
  return undefined;
}

/** `key=value:Effect` or `key:Effect` (describe, --register-with-taints). */
export function parseTaint(text: string): { key: string; value?: string; effect: string } | undefined {
  const m = /^([^=:\s]+)(?:=([^:\s]*))?:(\w+)$/.exec(text.trim());
  if (!m) return undefined;
  return m[2] !== undefined ? { key: m[1], value: m[2], effect: m[3] } : { key: m[1], effect: m[3] };
}
