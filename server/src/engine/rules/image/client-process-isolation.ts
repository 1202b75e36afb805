import { imageLabel, type Rule } from '../rule';

export const clientProcessIsolation: Rule = {
  id: 'client-process-isolation',
  severity: 'warning',
  summary: 'Process isolation on a Windows 10 client host: development only, not in Microsoft\'s matrix.',
  description: 'Windows client hosts default to Hyper-V isolation; process isolation must be requested, needs build 17763 or later, and is meant for development and testing (ISO, FAQ). The current matrix lists process isolation on Windows 10 as unsupported for every image (VC).',
  fixes: ['hypervIsolation'],
  checkImage(ctx) {
    const js = ctx.judgements.filter((j) => (j.reason === 'client-process' || j.reason === 'client-process-old') && j.isolation === 'process');
    if (!js.length) return [];
    const fix = ctx.use.fixes.hyperv?.();
    return [{ message: `${imageLabel(ctx)}: ${[...new Set(js.map((j) => j.text))].join('; ')}.`, fixes: fix ? [fix] : [] }];
  },
};
