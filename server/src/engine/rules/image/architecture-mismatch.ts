import { failing, imageLabel, joinTexts, type Rule } from '../rule';

export const architectureMismatch: Rule = {
  id: 'architecture-mismatch',
  severity: 'error',
  summary: 'The image is built for another processor architecture than the host.',
  description: 'Docker skips manifest entries whose architecture differs from the host\'s (MOBY); Windows images are amd64, except `ltsc2025-arm64` Nano Server and Server Core for Windows 11 24H2 on ARM64 (Windows-Containers#586).',
  fixes: [],
  checkImage(ctx) {
    const js = failing(ctx, ['arch-mismatch']).concat(failing(ctx, ['arch-mismatch'], true));
    return js.length ? [{ message: `${imageLabel(ctx)}: ${joinTexts(js)}.` }] : [];
  },
};
