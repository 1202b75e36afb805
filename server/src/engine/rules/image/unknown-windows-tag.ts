import { imageLabel, type Rule } from '../rule';

export const unknownWindowsTag: Rule = {
  id: 'unknown-windows-tag',
  severity: 'information',
  summary: 'A tag of a Windows repository that names no Windows release wincompat knows.',
  description: 'The repository publishes Windows images, but its tag names no release token (`ltsc2022`, `1809`, …) or `10.0.<build>` number, so its build cannot be told. `latest` is no longer published for Windows base images (VC). Use a tag with a release token.',
  fixes: [],
  checkImage(ctx) {
    if (!ctx.facts.unknownTag) return [];
    return [{ message: `${imageLabel(ctx)}: ${ctx.facts.note ?? 'unknown tag'}; its Windows build cannot be judged.` }];
  },
};
